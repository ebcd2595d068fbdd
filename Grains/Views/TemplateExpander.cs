using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary>
/// Evaluates a path template left to right (VIEW-31..VIEW-34): constants, <c>path</c>,
/// <c>scalar</c> and nested <c>expand</c>s, with <c>separator</c> applied to directive text.
/// </summary>
internal sealed class TemplateExpander(PathTemplate template, string sourcePath, string? separator)
{
    private readonly string[] _sourceSegments = sourcePath.Split('/');
    private readonly List<TemplateCandidate> _candidates = [];
    private readonly List<string> _skips = [];

    /// <summary>The candidates in template order, and the reasons of outputs that could not be built.</summary>
    public (List<TemplateCandidate> Candidates, List<string> Skips) Expand(JsonNode? value)
    {
        Walk(0, 0, [], string.Empty, false, value);
        return (_candidates, _skips);
    }

    private void Walk(int segment, int part, List<string> done, string text, bool constant, JsonNode? current)
    {
        if (segment == template.Segments.Count)
        {
            _candidates.Add(new TemplateCandidate(string.Join('/', done), current));
            return;
        }
        var parts = template.Segments[segment].Parts;
        if (part == parts.Count)
        {
            // A segment of directives only that produced nothing is left out (VIEW-34).
            var next = text.Length > 0 || constant ? [.. done, text] : done;
            Walk(segment + 1, 0, next, string.Empty, false, current);
            return;
        }
        switch (parts[part])
        {
            case ConstantPart c:
                Walk(segment, part + 1, done, text + c.Text, true, current);
                break;
            case PathDirective p:
                Walk(segment, part + 1, done, text + SourcePath(p), constant, current);
                break;
            case ScalarDirective s:
                if (!s.At.TryGet(current, out var node))
                {
                    _skips.Add(SkipReason.PointerMissing);
                }
                else if (!ScalarText.TryGet(node, out var scalar))
                {
                    _skips.Add(SkipReason.NotScalar);
                }
                else
                {
                    Walk(segment, part + 1, done, text + Separate(scalar), constant, current);
                }
                break;
            case ExpandDirective e:
                if (!e.At.TryGet(current, out var element))
                {
                    _skips.Add(SkipReason.PointerMissing);
                    break;
                }
                foreach (var (name, child) in Children(element))
                {
                    var label = e.NamePointer is not null && e.NamePointer.TryGet(child, out var named) && ScalarText.TryGet(named, out var t) ? t : name;
                    Walk(segment, part + 1, done, text + Separate(label), constant, child);
                }
                break;
        }
    }

    private string SourcePath(PathDirective directive)
    {
        if (directive.Start >= _sourceSegments.Length)
        {
            return string.Empty;
        }
        var count = Math.Min(directive.Count ?? int.MaxValue, _sourceSegments.Length - directive.Start);
        return string.Join('/', _sourceSegments, directive.Start, count);
    }

    private string Separate(string text) => separator is null ? text : text.Replace("/", separator, StringComparison.Ordinal);

    /// <summary>Members by name, elements by index, a scalar as itself with empty text (VIEW-33).</summary>
    private static IEnumerable<(string Name, JsonNode? Child)> Children(JsonNode? element)
    {
        switch (element)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    yield return (name, child);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (i.ToString(System.Globalization.CultureInfo.InvariantCulture), array[i]);
                }
                break;
            default:
                yield return (string.Empty, element);
                break;
        }
    }
}
