namespace Topiary.Views;

/// <summary><c>&lt;path(start[, count])&gt;</c> (VIEW-31): segments of the source path.</summary>
/// <param name="Start">0-based index of the first segment.</param>
/// <param name="Count">How many segments at most; null for all remaining.</param>
public sealed record PathDirective(int Start, int? Count) : TemplatePart
{
    public override string ToString() => Count is int count ? $"<path({Start}, {count})>" : $"<path({Start})>";
}
