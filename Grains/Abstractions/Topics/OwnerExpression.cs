using System.Text;

namespace Topiary.Topics;

/// <summary>
/// Parser of the <c>OWNER</c> property (TOP-22): <c>$Principal is "name"</c>, the name in single
/// or double quotes with <c>\</c> escaping the next character. As in session filters
/// (spec/sessions.md SES-30) the key <c>$Principal</c> is case-sensitive and the operator
/// <c>is</c> is not; surrounding whitespace is allowed.
/// </summary>
internal static class OwnerExpression
{
    private const string Key = "$Principal";
    private const string ExpectedForm = "$Principal is \"name\"";
    private static readonly string[] Allowed = [ExpectedForm, "$Principal is 'name'"];

    /// <summary>Returns the principal name, or fails with INVALID_SPECIFICATION and a position.</summary>
    public static string ParsePrincipal(string text)
    {
        var position = ExpressionText.SkipWhitespace(text, 0);
        if (!text.AsSpan(position).StartsWith(Key, StringComparison.Ordinal))
        {
            throw Error(text, position, "'$Principal'", "missing '$Principal'");
        }
        position += Key.Length;
        var operatorStart = ExpressionText.SkipWhitespace(text, position);
        if (operatorStart == position
            || operatorStart + 2 > text.Length
            || !Ascii.EqualsIgnoreCase(text.AsSpan(operatorStart, 2), "is"))
        {
            throw Error(text, operatorStart, "whitespace then 'is'", "missing 'is'");
        }
        position = operatorStart + 2;
        var quoteStart = ExpressionText.SkipWhitespace(text, position);
        if (quoteStart >= text.Length || !ExpressionText.IsQuote(text[quoteStart]))
        {
            throw Error(text, quoteStart, "a quoted principal name", "missing quoted name");
        }
        if (!ExpressionText.TryReadQuoted(text, quoteStart, out var name, out var end))
        {
            throw Error(text, quoteStart, $"a closing {text[quoteStart]}", "unterminated name");
        }
        end = ExpressionText.SkipWhitespace(text, end);
        if (end < text.Length)
        {
            throw Error(text, end, "the end of the expression", "unexpected text");
        }
        return name;
    }

    private static Errors.TopiaryException Error(string text, int position, string expected, string problem) =>
        SpecificationErrors.AtPosition(TopicProperties.Owner, text, Allowed, position, expected, problem);
}
