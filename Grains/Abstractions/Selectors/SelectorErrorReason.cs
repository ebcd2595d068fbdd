namespace Topiary.Selectors;

/// <summary>
/// The <c>reason</c> values of an <c>INVALID_SELECTOR</c> error (spec/selectors.md SEL-50). They
/// are part of the wire contract: clients switch on them, so a value never changes meaning.
/// </summary>
public static class SelectorErrorReason
{
    /// <summary>Nothing where a selector, path, pattern or set member was expected (<c>""</c>, <c>&gt;</c>, <c>?</c>, <c>*</c>, <c>#</c>).</summary>
    public const string Empty = "EMPTY";

    /// <summary>The selector starts with <c>$</c>, <c>%</c>, <c>&amp;</c> or <c>&lt;</c>.</summary>
    public const string ReservedPrefix = "RESERVED_PREFIX";

    /// <summary>A path selector whose path is invalid; the details carry the topic-path reason as <c>pathReason</c>.</summary>
    public const string InvalidPath = "INVALID_PATH";

    /// <summary>A split-path or full-path pattern with an empty part.</summary>
    public const string EmptyPart = "EMPTY_PART";

    /// <summary>A regular expression that does not compile; the details carry the engine's message as <c>regexError</c>.</summary>
    public const string InvalidRegex = "INVALID_REGEX";

    /// <summary>A regular expression construct the linear-time engine does not support.</summary>
    public const string UnsupportedRegex = "UNSUPPORTED_REGEX";

    /// <summary>A full-path pattern that contains <c>////</c>, the set separator, without a leading <c>#</c>.</summary>
    public const string SetSeparatorInPattern = "SET_SEPARATOR_IN_PATTERN";

    /// <summary>An empty member of a selector set.</summary>
    public const string EmptyMember = "EMPTY_MEMBER";

    /// <summary>More than 4,096 characters.</summary>
    public const string TooLong = "TOO_LONG";

    /// <summary>A set with more than 256 members after flattening.</summary>
    public const string TooManyMembers = "TOO_MANY_MEMBERS";

    /// <summary>A split-path pattern with more than 64 parts.</summary>
    public const string TooManyParts = "TOO_MANY_PARTS";
}
