namespace Topiary.Views;

/// <summary>
/// A template for a topic path (VIEW-30): segments of constant text and directives. The
/// <c>to</c> clause's target and the <c>insert</c> clause's topic are templates.
/// </summary>
/// <param name="Segments">At least one segment.</param>
public sealed record PathTemplate(IReadOnlyList<TemplateSegment> Segments)
{
    /// <summary>Whether any segment uses <c>scalar</c> or <c>expand</c> (JSON-only features, VIEW-35).</summary>
    public bool ReadsValue => Segments.Any(s => s.Parts.Any(p => p is ScalarDirective or ExpandDirective));

    /// <summary>The canonical unquoted clause text.</summary>
    public override string ToString() => string.Join('/', Segments.Select(s => s.ToString()));
}
