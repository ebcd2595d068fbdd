namespace Topiary.Topics;

/// <summary>
/// A range expression (spec/topics.md TOP-23): which of a topic's most recent entries to keep.
/// <see cref="Limit"/> keeps the N most recent entries; <see cref="Last"/> keeps entries no
/// more than that much older than the newest; with both, the smaller set is kept. At least
/// one is present. The newest entry is always kept unless the limit is 0.
/// </summary>
/// <remarks>
/// Equality is by value, so two ranges written differently (<c>last 1h</c>,
/// <c>LAST 3600s</c>) are equal; <see cref="ToString"/> gives the canonical text.
/// </remarks>
public sealed record RangeExpression(int? Limit, TimeSpan? Last)
{
    private const long MillisecondsPerSecond = 1000;
    private const long MillisecondsPerHour = 3_600_000;

    /// <summary>How many most recent entries to keep, or null for no count limit; never negative.</summary>
    public int? Limit { get; } = Checked(Limit, Last);

    /// <summary>How far behind the newest entry an entry may be and still be kept, or null; never negative.</summary>
    public TimeSpan? Last { get; } = Last;

    /// <summary>
    /// Parses a range expression, ignoring ASCII case: <c>limit 5</c>, <c>last 10s</c>,
    /// <c>LAST 10S LIMIT 5</c>. Durations are whole milliseconds (<c>ms</c>), seconds
    /// (<c>s</c>) or hours (<c>h</c>). Surrounding whitespace is allowed.
    /// Fails with INVALID_SPECIFICATION whose details carry <c>position</c> (0-based UTF-16
    /// offset in <paramref name="text"/>), <c>expected</c>, <c>value</c> and <c>allowed</c>;
    /// <c>property</c> too when <paramref name="property"/> is given.
    /// </summary>
    public static RangeExpression Parse(string text, string? property = null) =>
        RangeExpressionParser.Parse(text, property, int.MaxValue);

    /// <summary>
    /// How many of the most recent entries to keep. <paramref name="timestampsMilliseconds"/>
    /// holds each entry's time (milliseconds since the Unix epoch) ordered oldest first; the
    /// last one is the newest. The result counts from the newest backwards and is at most the
    /// number of entries. For <c>last</c>, the kept entries are the longest run back from the
    /// newest whose times are within the duration of the newest's, so an entry with a skewed
    /// clock never makes an older entry reappear.
    /// </summary>
    public int Retain(ReadOnlySpan<long> timestampsMilliseconds)
    {
        var keep = timestampsMilliseconds.Length;
        if (Limit is { } limit && limit < keep)
        {
            keep = limit;
        }
        if (Last is { } last && keep > 0)
        {
            var newest = timestampsMilliseconds[^1];
            var window = (long)last.TotalMilliseconds;
            var within = 1;
            while (within < keep && newest - timestampsMilliseconds[^(within + 1)] <= window)
            {
                within++;
            }
            keep = within;
        }
        return keep;
    }

    /// <summary>The canonical text: <c>limit N</c>, then <c>last D</c> in the largest exact unit (h, s, ms).</summary>
    public override string ToString()
    {
        var limit = Limit is { } l ? $"limit {l}" : null;
        var last = Last is { } d ? $"last {FormatDuration(d)}" : null;
        return limit is not null && last is not null ? $"{limit} {last}" : limit ?? last!;
    }

    private static string FormatDuration(TimeSpan duration)
    {
        var ms = (long)duration.TotalMilliseconds;
        if (ms != 0 && ms % MillisecondsPerHour == 0)
        {
            return $"{ms / MillisecondsPerHour}h";
        }
        return ms % MillisecondsPerSecond == 0 ? $"{ms / MillisecondsPerSecond}s" : $"{ms}ms";
    }

    private static int? Checked(int? limit, TimeSpan? last)
    {
        if (limit is null && last is null)
        {
            throw new ArgumentException("A range needs a limit, a duration or both.", nameof(limit));
        }
        if (limit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit cannot be negative.");
        }
        if (last < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(last), last, "The duration cannot be negative.");
        }
        return limit;
    }
}
