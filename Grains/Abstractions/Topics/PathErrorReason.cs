namespace Topiary.Topics;

/// <summary>
/// The <c>reason</c> values of an <c>INVALID_PATH</c> error (spec/topics.md TOP-8). They are part of
/// the wire contract: clients switch on them, so a value never changes meaning.
/// </summary>
public static class PathErrorReason
{
    /// <summary>The path is the empty string.</summary>
    public const string Empty = "EMPTY";

    /// <summary>Two adjacent <c>/</c>; the position is that of the second one.</summary>
    public const string EmptySegment = "EMPTY_SEGMENT";

    /// <summary>The path starts with <c>/</c>.</summary>
    public const string LeadingSlash = "LEADING_SLASH";

    /// <summary>The path ends with <c>/</c>.</summary>
    public const string TrailingSlash = "TRAILING_SLASH";

    /// <summary>A character in U+0000–U+001F or U+007F.</summary>
    public const string ControlCharacter = "CONTROL_CHARACTER";

    /// <summary>An unpaired UTF-16 surrogate (TOP-2: paths are sequences of Unicode scalar values).</summary>
    public const string InvalidUnicode = "INVALID_UNICODE";

    /// <summary>More than 1,024 UTF-8 bytes; the position is the character that crosses the limit.</summary>
    public const string TooLong = "TOO_LONG";

    /// <summary>A segment of more than 255 UTF-8 bytes; the position is the character that crosses the limit.</summary>
    public const string SegmentTooLong = "SEGMENT_TOO_LONG";

    /// <summary>More than 64 segments; the position is the first character of segment 65.</summary>
    public const string TooManySegments = "TOO_MANY_SEGMENTS";

    /// <summary>The first segment starts with <c>$</c> and the path is being added (TOP-5).</summary>
    public const string Reserved = "RESERVED";
}
