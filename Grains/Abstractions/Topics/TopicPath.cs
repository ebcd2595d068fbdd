using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Topics;

/// <summary>
/// Validation of topic paths (spec/topics.md TOP-1..TOP-8). Every operation that takes a path
/// validates it with these methods before changing any state.
/// </summary>
/// <remarks>
/// A valid path is one or more non-empty segments joined by single <c>/</c>; segments contain
/// any Unicode scalar value except <c>/</c>, U+0000–U+001F and U+007F; the path is at most
/// <see cref="MaxBytes"/> UTF-8 bytes with at most <see cref="MaxSegments"/> segments of at most
/// <see cref="MaxSegmentBytes"/> bytes. The input is scanned once from the left and the first
/// offending character is reported, so the work is bounded by the limits, not by the input length.
/// All methods are pure and thread-safe; <c>null</c> is treated as the empty path.
/// </remarks>
public static class TopicPath
{
    /// <summary>Maximum UTF-8 length of a whole path (TOP-3).</summary>
    public const int MaxBytes = 1024;

    /// <summary>Maximum UTF-8 length of one segment (TOP-3).</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>Maximum number of segments (TOP-3).</summary>
    public const int MaxSegments = 64;

    /// <summary>
    /// Throws a <see cref="TopiaryException"/> with code <see cref="ErrorCode.InvalidPath"/> and details
    /// <c>path</c>, <c>position</c>, <c>reason</c> unless <paramref name="path"/> is a valid topic path.
    /// Paths under <c>$</c> are accepted: they can be read and selected, just not added.
    /// </summary>
    public static void Validate(string path)
    {
        if (!TryValidate(path, out var error))
        {
            throw ToException(path, error);
        }
    }

    /// <summary>
    /// <see cref="Validate"/> for a path about to be added: also rejects a first segment starting
    /// with <c>$</c> (reason <c>RESERVED</c>, TOP-5).
    /// </summary>
    public static void ValidateForAdd(string path)
    {
        if (!TryValidateForAdd(path, out var error))
        {
            throw ToException(path, error);
        }
    }

    /// <summary>Whether <paramref name="path"/> is valid; if not, <paramref name="error"/> says why. Never throws.</summary>
    public static bool TryValidate(string path, [NotNullWhen(false)] out PathError? error) =>
        TryValidate(path, forAdd: false, out error);

    /// <summary>Whether <paramref name="path"/> may be added (<see cref="ValidateForAdd"/>). Never throws.</summary>
    public static bool TryValidateForAdd(string path, [NotNullWhen(false)] out PathError? error) =>
        TryValidate(path, forAdd: true, out error);

    private static bool TryValidate(string? path, bool forAdd, [NotNullWhen(false)] out PathError? error)
    {
        path ??= string.Empty;
        if (TryScan(path, forAdd, out var reason, out var position))
        {
            error = null;
            return true;
        }
        var message = $"{PathErrorText.What(reason, path, position)} at position {position} of "
            + $"{DisplayText.Quote(path)}; {PathErrorText.Allowed(reason)}";
        error = new PathError(reason, position, message);
        return false;
    }

    private static TopiaryException ToException(string? path, PathError error) =>
        TopiaryException.Create(ErrorCode.InvalidPath, error.Message, new JsonObject
        {
            ["path"] = path ?? string.Empty,
            ["position"] = error.Position,
            ["reason"] = error.Reason,
        });

    /// <summary>
    /// The single left-to-right scan behind every check, also used on the body of path selectors.
    /// Returns false with the reason and position of the first offending character.
    /// </summary>
    internal static bool TryScan(ReadOnlySpan<char> path, bool forAdd, out string reason, out int position)
    {
        if (path.IsEmpty)
        {
            return Fail(PathErrorReason.Empty, 0, out reason, out position);
        }
        if (forAdd && path[0] == '$')
        {
            return Fail(PathErrorReason.Reserved, 0, out reason, out position);
        }
        int segments = 1, segmentBytes = 0, totalBytes = 0;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            var bytes = 1;
            if (c == '/')
            {
                var slashReason = i == 0 ? PathErrorReason.LeadingSlash
                    : path[i - 1] == '/' ? PathErrorReason.EmptySegment
                    : i == path.Length - 1 ? PathErrorReason.TrailingSlash
                    : null;
                if (slashReason is not null)
                {
                    return Fail(slashReason, i, out reason, out position);
                }
                if (++segments > MaxSegments)
                {
                    // Blame segment 65 itself (its first character), not the separator before it.
                    return Fail(PathErrorReason.TooManySegments, i + 1, out reason, out position);
                }
                segmentBytes = -1; // the '/' is counted in the total only
            }
            else if (c < 0x20 || c == 0x7F)
            {
                return Fail(PathErrorReason.ControlCharacter, i, out reason, out position);
            }
            else if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == path.Length || !char.IsLowSurrogate(path[i + 1]))
                {
                    return Fail(PathErrorReason.InvalidUnicode, i, out reason, out position);
                }
                bytes = 4;
            }
            else
            {
                bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }

            segmentBytes += bytes;
            totalBytes += bytes;
            if (segmentBytes > MaxSegmentBytes)
            {
                return Fail(PathErrorReason.SegmentTooLong, i, out reason, out position);
            }
            if (totalBytes > MaxBytes)
            {
                return Fail(PathErrorReason.TooLong, i, out reason, out position);
            }
            if (bytes == 4)
            {
                i++; // the low surrogate belongs to this character
            }
        }
        reason = string.Empty;
        position = -1;
        return true;
    }

    private static bool Fail(string why, int where, out string reason, out int position)
    {
        reason = why;
        position = where;
        return false;
    }
}
