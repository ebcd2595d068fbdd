namespace Topiary.Topics;

/// <summary>
/// Why a topic path is invalid: the first offending character, found by
/// <see cref="TopicPath.TryValidate(string, out PathError?)"/>.
/// </summary>
/// <param name="Reason">One of the <see cref="PathErrorReason"/> values.</param>
/// <param name="Position">0-based UTF-16 offset of the first offending character in the path.</param>
/// <param name="Message">
/// English text saying what was wrong, where and what is allowed, without the <c>INVALID_PATH:</c>
/// prefix (the error envelope adds it), e.g. <c>empty segment at position 4 of 'a/b//c'; …</c>.
/// </param>
public sealed record PathError(string Reason, int Position, string Message);
