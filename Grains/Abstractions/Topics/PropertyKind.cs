namespace Topiary.Topics;

/// <summary>How a property's value is validated and canonicalised.</summary>
internal enum PropertyKind
{
    /// <summary><c>true</c> or <c>false</c>, any case; stored lower case.</summary>
    Boolean,

    /// <summary>One of a fixed set of words, any case; stored lower case.</summary>
    Enumeration,

    /// <summary>A range expression (TOP-23); stored as given.</summary>
    Range,

    /// <summary>A removal policy (UPD-80); stored as given.</summary>
    Removal,

    /// <summary><c>$Principal is "name"</c>; stored as given.</summary>
    Owner,

    /// <summary>Any text; stored as given.</summary>
    Text,
}
