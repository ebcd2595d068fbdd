namespace Topiary.Selectors;

/// <summary>
/// The optional trailing qualifier of a split-path or full-path pattern (spec/selectors.md SEL-2).
/// Path selectors and sets have none.
/// </summary>
public enum DescendantQualifier
{
    /// <summary>No qualifier: the matching paths themselves.</summary>
    None,

    /// <summary>Trailing <c>/</c>: only the proper descendants of matching paths.</summary>
    DescendantsOnly,

    /// <summary>Trailing <c>//</c>: the matching paths and all their descendants.</summary>
    MatchesAndDescendants,
}
