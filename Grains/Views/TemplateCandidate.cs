using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary>One output of a template (VIEW-49 step 3): a path (not yet checked) and the current value it goes with.</summary>
/// <param name="Path">Segments joined by <c>/</c>, with empty directive-only segments omitted (VIEW-34).</param>
/// <param name="Value">The source value, or the element an <c>expand</c> produced.</param>
internal sealed record TemplateCandidate(string Path, JsonNode? Value);
