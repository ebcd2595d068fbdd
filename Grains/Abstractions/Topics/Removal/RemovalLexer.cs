namespace Topiary.Topics.Removal;

/// <summary>
/// Splits a removal policy into tokens. Whitespace separates words; parentheses and
/// <c>&lt;</c> stand alone, so <c>(subscriptions&lt;2</c> needs no spaces; quoted strings use
/// single or double quotes with <c>\</c> escaping the next character.
/// </summary>
internal static class RemovalLexer
{
    public static List<RemovalToken> Tokenize(string text)
    {
        var tokens = new List<RemovalToken>();
        var i = 0;
        while (true)
        {
            i = ExpressionText.SkipWhitespace(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new RemovalToken(RemovalTokenKind.End, string.Empty, text.Length));
                return tokens;
            }
            var c = text[i];
            if (ExpressionText.IsQuote(c))
            {
                if (!ExpressionText.TryReadQuoted(text, i, out var content, out var end))
                {
                    throw RemovalExpression.Error(text, i, $"a closing {c}", "unterminated string");
                }
                tokens.Add(new RemovalToken(RemovalTokenKind.Quoted, content, i));
                i = end;
                continue;
            }
            var single = c switch
            {
                '(' => RemovalTokenKind.LeftParenthesis,
                ')' => RemovalTokenKind.RightParenthesis,
                '<' => RemovalTokenKind.Less,
                _ => RemovalTokenKind.Word,
            };
            if (single != RemovalTokenKind.Word)
            {
                tokens.Add(new RemovalToken(single, c.ToString(), i));
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && !EndsWord(text[i]))
            {
                i++;
            }
            tokens.Add(new RemovalToken(RemovalTokenKind.Word, text[start..i], start));
        }
    }

    private static bool EndsWord(char c) =>
        ExpressionText.IsWhitespace(c) || ExpressionText.IsQuote(c) || c is '(' or ')' or '<';
}
