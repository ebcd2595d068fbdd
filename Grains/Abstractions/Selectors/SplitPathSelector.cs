using System.Collections.ObjectModel;

namespace Topiary.Selectors;

/// <summary>
/// <c>?r1/r2/…/rk</c> with an optional qualifier: selects paths whose first k segments are each fully
/// matched by the corresponding regular expression (SEL-12, SEL-21). A part only ever sees one
/// segment, so <c>.*</c> never crosses a <c>/</c>; inline options such as <c>(?i)</c> apply to their part only.
/// </summary>
public sealed class SplitPathSelector : TopicSelector
{
    private readonly PatternMatcher[] _matchers;

    internal SplitPathSelector(string[] parts, PatternMatcher[] matchers, DescendantQualifier qualifier, string pathPrefix)
        : base("?" + string.Join('/', parts) + QualifierSuffix(qualifier), pathPrefix)
    {
        _matchers = matchers;
        Parts = new ReadOnlyCollection<string>(parts);
        Qualifier = qualifier;
    }

    /// <summary>The regular expressions as written, one per segment, in order.</summary>
    public IReadOnlyList<string> Parts { get; }

    /// <summary>Whether matching paths, their descendants, or both are selected.</summary>
    public DescendantQualifier Qualifier { get; }

    /// <inheritdoc/>
    public override SelectorKind Kind => SelectorKind.SplitPath;

    /// <summary>
    /// Counts segments first (cheap), then matches the first k segments in place. Never allocates;
    /// the regular expressions run in time linear in the segment length.
    /// </summary>
    public override bool Selects(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }
        var remaining = path.AsSpan();
        var segments = remaining.Count('/') + 1;
        var parts = _matchers.Length;
        var countMatches = Qualifier switch
        {
            DescendantQualifier.None => segments == parts,
            DescendantQualifier.DescendantsOnly => segments > parts,
            _ => segments >= parts,
        };
        if (!countMatches)
        {
            return false;
        }
        foreach (var matcher in _matchers)
        {
            var slash = remaining.IndexOf('/');
            var segment = slash < 0 ? remaining : remaining[..slash];
            if (!matcher.IsMatch(segment))
            {
                return false;
            }
            remaining = slash < 0 ? default : remaining[(slash + 1)..];
        }
        return true;
    }
}
