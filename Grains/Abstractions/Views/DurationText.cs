namespace Topiary.Views;

/// <summary>Canonical text of a whole-second duration in the largest exact unit (<c>2 minutes</c>).</summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        var (amount, unit) = seconds % 3600 == 0 ? (seconds / 3600, "hour")
            : seconds % 60 == 0 ? (seconds / 60, "minute")
            : (seconds, "second");
        return $"{amount} {unit}{(amount == 1 ? "" : "s")}";
    }
}
