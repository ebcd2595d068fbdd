namespace Topiary.Selectors;

/// <summary>
/// <c>*regex</c> with an optional qualifier: selects paths that one regular expression fully matches
/// (SEL-22). <c>.</c> matches <c>/</c> here, so <c>.*</c> spans segments; with a qualifier the
/// expression is tried against the proper ancestors of the path as well.
/// </summary>
public sealed class FullPathSelector : TopicSelector
{
    private readonly PatternMatcher _matcher;

    internal FullPathSelector(string pattern, PatternMatcher matcher, DescendantQualifier qualifier, string pathPrefix)
        : base("*" + (pattern.StartsWith('/') ? "/" : string.Empty) + pattern + QualifierSuffix(qualifier), pathPrefix)
    {
        // A pattern that itself starts with '/' keeps the ignorable '/' in front of it in the
        // canonical text, or re-parsing would drop the pattern's own '/'.
        _matcher = matcher;
        Pattern = pattern;
        Qualifier = qualifier;
    }

    /// <summary>The regular expression as written (without the qualifier and the ignorable leading <c>/</c>).</summary>
    public string Pattern { get; }

    /// <summary>Whether matching paths, their descendants, or both are selected.</summary>
    public DescendantQualifier Qualifier { get; }

    /// <inheritdoc/>
    public override SelectorKind Kind => SelectorKind.FullPath;

    /// <summary>
    /// Matches the path and, with a qualifier, each proper ancestor (at most 63 of them for a valid
    /// path), as spans. Never allocates; each match is linear in the path length.
    /// </summary>
    public override bool Selects(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }
        if (Qualifier != DescendantQualifier.DescendantsOnly && _matcher.IsMatch(path.AsSpan()))
        {
            return true;
        }
        if (Qualifier == DescendantQualifier.None)
        {
            return false;
        }
        var span = path.AsSpan();
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] == '/' && _matcher.IsMatch(span[..i]))
            {
                return true;
            }
        }
        return false;
    }
}
