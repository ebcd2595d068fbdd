namespace Topiary.Topics;

/// <summary>
/// Path order (spec/topics.md TOP-6): paths are compared segment by segment, segments by ordinal
/// Unicode code point, and a path sorts before its descendants — <c>a</c>, <c>a/b</c>, <c>a/c</c>,
/// <c>a/c/x</c>, <c>a/d</c>, <c>b</c>, <c>b/a/x</c>.
/// </summary>
/// <remarks>
/// Code point order (not UTF-16 code unit order, which differs for characters above U+E000 versus
/// supplementary characters) is also UTF-8 byte order, so it agrees with a store that sorts UTF-8
/// keys bytewise. The order is total and consistent with ordinal equality for any strings, valid
/// paths or not; <c>null</c> sorts first. <see cref="Compare"/> never allocates and is thread-safe.
/// </remarks>
public sealed class TopicPathComparer : IComparer<string>
{
    private TopicPathComparer()
    {
    }

    /// <summary>The only instance.</summary>
    public static TopicPathComparer Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null)
        {
            return -1;
        }
        if (y is null)
        {
            return 1;
        }

        var common = x.AsSpan().CommonPrefixLength(y);
        if (common == x.Length)
        {
            return common == y.Length ? 0 : -1; // x is y itself, an ancestor of y or a shorter segment
        }
        if (common == y.Length)
        {
            return 1;
        }

        // At the first difference, a '/' means that side's segment ended first: the shorter
        // segment (and so the whole path) sorts first, whatever character the other side has.
        var a = x[common];
        var b = y[common];
        if (a == '/')
        {
            return -1;
        }
        if (b == '/')
        {
            return 1;
        }
        return CodePointRank(a).CompareTo(CodePointRank(b));
    }

    /// <summary>
    /// Re-ranks a UTF-16 code unit so that code unit order equals code point order: surrogates
    /// (which encode U+10000 and above) move above U+E000–U+FFFF.
    /// </summary>
    private static int CodePointRank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
