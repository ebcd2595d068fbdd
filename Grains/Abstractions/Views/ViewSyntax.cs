using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Views;

/// <summary>Builds the positioned <c>INVALID_VIEW_SPECIFICATION</c> errors of VIEW-95.</summary>
internal static class ViewSyntax
{
    /// <summary>
    /// The error for <paramref name="reason"/> at <paramref name="offset"/> in <paramref name="text"/>.
    /// <paramref name="token"/> null means "the run of non-whitespace text at the offset".
    /// </summary>
    public static TopiaryException Error(
        string text, string reason, int offset, string? token, string expected, string problem)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        // A lone surrogate could not be sent as UTF-8; show it escaped.
        token = Printable(token ?? TokenAt(text, offset), control: false);
        var (line, column) = LineAndColumn(text, offset);
        var found = offset >= text.Length && token.Length == 0 ? "the end of the specification" : $"'{Shorten(token)}'";
        var message = $"{reason}: {problem} at line {line}, column {column}: found {found}, expected {expected}";
        var details = new JsonObject
        {
            ["reason"] = reason,
            ["line"] = line,
            ["column"] = column,
            ["offset"] = offset,
            ["token"] = token,
            ["expected"] = expected,
        };
        return TopiaryException.Create(ErrorCode.InvalidViewSpecification, message, details);
    }

    /// <summary>1-based line and column of an offset; CR LF, LF and a lone CR each end a line.</summary>
    public static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart + 1);
    }

    /// <summary>The non-whitespace run starting at <paramref name="offset"/> (at most 64 characters).</summary>
    public static string TokenAt(string text, int offset)
    {
        var end = offset;
        while (end < text.Length && end - offset < 64 && !IsWhitespace(text[end]))
        {
            end++;
        }
        return text[offset..end];
    }

    /// <summary>The separators of VIEW-22: space, tab, CR and LF.</summary>
    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static string Shorten(string token) => Printable(token.Length > 40 ? token[..40] + "…" : token, control: true);

    private static string Printable(string text, bool control)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || (control && char.IsControl(c)))
            {
                builder.Append($"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
