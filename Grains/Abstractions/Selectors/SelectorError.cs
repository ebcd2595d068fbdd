using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Selectors;

/// <summary>
/// Why a selector did not parse, before it becomes an <c>INVALID_SELECTOR</c> envelope. Positions are
/// 0-based UTF-16 offsets in the whole selector text, also for errors found inside a set member.
/// </summary>
/// <param name="Reason">A <see cref="SelectorErrorReason"/> value.</param>
/// <param name="Position">Where the problem is (for regular expressions: where the offending part starts).</param>
/// <param name="Message">What was wrong, where and what is allowed, without the code prefix.</param>
internal sealed record SelectorError(string Reason, int Position, string Message)
{
    /// <summary>For <see cref="SelectorErrorReason.InvalidPath"/>: the topic-path reason (topics.md TOP-8).</summary>
    public string? PathReason { get; init; }

    /// <summary>For regular expression errors: the engine's own message.</summary>
    public string? RegexError { get; init; }

    /// <summary>For regular expression errors, when the engine reports one: the offset inside the part.</summary>
    public int? RegexPosition { get; init; }

    /// <summary>The envelope of spec/errors.md ERR-1 with the details ERR-10 lists for INVALID_SELECTOR.</summary>
    public ErrorEnvelope ToEnvelope(string selector)
    {
        var details = new JsonObject
        {
            ["selector"] = selector,
            ["position"] = Position,
            ["reason"] = Reason,
        };
        if (PathReason is not null)
        {
            details["pathReason"] = PathReason;
        }
        if (RegexError is not null)
        {
            details["regexError"] = RegexError;
        }
        if (RegexPosition is int offset)
        {
            details["regexPosition"] = offset;
        }
        return ErrorEnvelope.For(ErrorCode.InvalidSelector, Message, details);
    }
}
