using System.Text;

namespace Topiary.Topics;

/// <summary>Lexical helpers shared by the small expression languages of topic properties.</summary>
internal static class ExpressionText
{
    /// <summary>
    /// Whitespace separating tokens. Only ASCII whitespace counts, so that a no-break space
    /// or other look-alike is reported as an error rather than silently accepted.
    /// </summary>
    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    public static int SkipWhitespace(string text, int position)
    {
        while (position < text.Length && IsWhitespace(text[position]))
        {
            position++;
        }
        return position;
    }

    /// <summary>
    /// Reads a string in single or double quotes starting at <paramref name="start"/>, where
    /// <c>\</c> escapes the next character. Returns false when the closing quote is missing.
    /// </summary>
    public static bool TryReadQuoted(string text, int start, out string content, out int end)
    {
        var quote = text[start];
        var builder = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote)
            {
                content = builder.ToString();
                end = i + 1;
                return true;
            }
            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    break;
                }
                c = text[++i];
            }
            builder.Append(c);
            i++;
        }
        content = string.Empty;
        end = text.Length;
        return false;
    }

    public static bool IsQuote(char c) => c is '\'' or '"';
}
