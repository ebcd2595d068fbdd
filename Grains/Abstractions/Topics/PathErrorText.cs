namespace Topiary.Topics;

/// <summary>
/// The wording of <c>INVALID_PATH</c> messages, shared by <see cref="TopicPath"/> and the selector
/// parser (which reports the same problems inside a path selector, at selector positions).
/// </summary>
internal static class PathErrorText
{
    /// <summary>What was wrong, naming the offending character where that helps.</summary>
    public static string What(string reason, ReadOnlySpan<char> path, int position) => reason switch
    {
        PathErrorReason.Empty => "empty path",
        PathErrorReason.EmptySegment => "empty segment",
        PathErrorReason.LeadingSlash => "leading '/'",
        PathErrorReason.TrailingSlash => "trailing '/'",
        PathErrorReason.ControlCharacter => "control character " + DisplayText.CodePoint(path[position]),
        PathErrorReason.InvalidUnicode => "unpaired surrogate " + DisplayText.CodePoint(path[position]),
        PathErrorReason.TooLong => $"path longer than {TopicPath.MaxBytes} UTF-8 bytes",
        PathErrorReason.SegmentTooLong => $"segment longer than {TopicPath.MaxSegmentBytes} UTF-8 bytes",
        PathErrorReason.TooManySegments => $"more than {TopicPath.MaxSegments} segments",
        PathErrorReason.Reserved => "first segment starting with '$'",
        _ => "invalid path",
    };

    /// <summary>What is allowed instead.</summary>
    public static string Allowed(string reason) => reason switch
    {
        PathErrorReason.Empty => "a topic path is one or more non-empty segments separated by '/', e.g. 'a/b'",
        PathErrorReason.EmptySegment => "segments are separated by a single '/' and may not be empty",
        PathErrorReason.LeadingSlash => "a topic path does not start with '/'; write 'a/b', not '/a/b'",
        PathErrorReason.TrailingSlash => "a topic path does not end with '/'",
        PathErrorReason.ControlCharacter => "segments may not contain U+0000–U+001F or U+007F",
        PathErrorReason.InvalidUnicode => "a topic path must be well-formed UTF-16 (no unpaired surrogates)",
        PathErrorReason.TooLong => "a topic path is at most 1,024 bytes in UTF-8",
        PathErrorReason.SegmentTooLong => $"each segment is at most {TopicPath.MaxSegmentBytes} bytes in UTF-8",
        PathErrorReason.TooManySegments => $"a topic path has at most {TopicPath.MaxSegments} segments",
        PathErrorReason.Reserved => "paths whose first segment starts with '$' are reserved for Topiary and cannot be added",
        _ => "see the topic path rules",
    };
}
