namespace Topiary.Views;

/// <summary>One <c>/</c>-separated segment of a template: constants and directives, at least one part.</summary>
/// <param name="Parts">The parts in order.</param>
public sealed record TemplateSegment(IReadOnlyList<TemplatePart> Parts)
{
    /// <summary>Whether the segment has constant text (then it is never omitted, VIEW-34).</summary>
    public bool HasConstant => Parts.Any(p => p is ConstantPart { Text.Length: > 0 });

    public override string ToString() => string.Concat(Parts.Select(p => p.ToString()));
}
