using System.Text;

namespace Topiary.Security.Scripts;

/// <summary>
/// Splits a store script into tokens (spec/security.md SEC-12): words, quoted strings with
/// <c>\</c> escaping the next character, brackets, commas and command ends (a line end or
/// <c>;</c>). Blank lines and <c>#</c> comments vanish; line ends inside a list are whitespace,
/// so a long list may span lines. Consecutive command ends collapse into one.
/// </summary>
public static class ScriptLexer
{
    /// <summary>Scripts are at most 1 MiB (SEC-14), counted in UTF-16 code units.</summary>
    public const int MaxLength = 1024 * 1024;

    public static List<ScriptToken> Tokenize(string script)
    {
        if (script.Length > MaxLength)
        {
            throw ScriptErrors.At(1, 1, 0, ScriptErrorReason.TooLong,
                $"the script has {script.Length} characters; a script may have at most {MaxLength}");
        }
        var tokens = new List<ScriptToken>();
        var (line, lineStart, depth, commandIndex) = (1, 0, 0, 0);
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            var column = i - lineStart + 1;
            if (c == '\n' || c == ';')
            {
                if (c == ';' || depth == 0)
                {
                    depth = 0;
                    commandIndex += EndCommand(tokens, c == ';' ? ";" : "\n", line, column);
                }
                i++;
                if (c == '\n')
                {
                    (line, lineStart) = (line + 1, i);
                }
            }
            else if (c is ' ' or '\t' or '\r')
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < script.Length && script[i] != '\n')
                {
                    i++;
                }
            }
            else if (c is '"' or '\'')
            {
                var start = i;
                var text = ReadString(script, ref i, line, column, commandIndex);
                tokens.Add(new ScriptToken(ScriptTokenKind.Quoted, text, line, column, start, i - start));
            }
            else if (c is '[' or ']' or ',')
            {
                var kind = c == '[' ? ScriptTokenKind.OpenBracket : c == ']' ? ScriptTokenKind.CloseBracket : ScriptTokenKind.Comma;
                depth = c == '[' ? depth + 1 : c == ']' ? Math.Max(0, depth - 1) : depth;
                tokens.Add(new ScriptToken(kind, c.ToString(), line, column));
                i++;
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < script.Length && IsWordChar(script[i]))
                {
                    i++;
                }
                tokens.Add(new ScriptToken(ScriptTokenKind.Word, script[start..i], line, column));
            }
            else
            {
                throw ScriptErrors.At(line, column, commandIndex, ScriptErrorReason.Syntax,
                    $"unexpected character U+{(int)c:X4}; allowed are words, quoted strings, '[', ']', ',', ';', '#' comments",
                    expected: "a word, a quoted string, '[', ']', ',' or ';'");
            }
        }
        EndCommand(tokens, "\n", line, script.Length - lineStart + 1);
        tokens.Add(new ScriptToken(ScriptTokenKind.EndOfScript, "", line, script.Length - lineStart + 1));
        return tokens;
    }

    private static int EndCommand(List<ScriptToken> tokens, string text, int line, int column)
    {
        if (tokens.Count == 0 || tokens[^1].Kind == ScriptTokenKind.EndOfCommand)
        {
            return 0;
        }
        tokens.Add(new ScriptToken(ScriptTokenKind.EndOfCommand, text, line, column));
        return 1;
    }

    private static string ReadString(string script, ref int i, int line, int column, int commandIndex)
    {
        var quote = script[i++];
        var text = new StringBuilder();
        while (i < script.Length && script[i] != '\n')
        {
            var c = script[i++];
            if (c == quote)
            {
                return text.ToString();
            }
            if (c == '\\' && i < script.Length && script[i] != '\n')
            {
                c = script[i++];
            }
            text.Append(c);
        }
        throw ScriptErrors.At(line, column, commandIndex, ScriptErrorReason.Syntax,
            $"the string starting here is not closed by {quote} on the same line", expected: $"a closing {quote}");
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
