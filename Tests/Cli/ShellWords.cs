using System.Text;

namespace Topiary.Tests.Cli;

/// <summary>Splits a command line as a POSIX shell would for the examples in help and docs: blanks separate words, '…' is literal, "…" and \ escape.</summary>
internal static class ShellWords
{
    public static string[] Split(string commandLine)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            if (c is ' ' or '\t')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (c == '\'')
            {
                var end = commandLine.IndexOf('\'', i + 1);
                Assert.True(end > i, $"unterminated ' in: {commandLine}");
                word.Append(commandLine, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                for (i++; i < commandLine.Length && commandLine[i] != '"'; i++)
                {
                    if (commandLine[i] == '\\' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\\' or '$')
                    {
                        i++;
                    }
                    word.Append(commandLine[i]);
                }
                Assert.True(i < commandLine.Length, $"unterminated \" in: {commandLine}");
            }
            else if (c == '\\' && i + 1 < commandLine.Length)
            {
                word.Append(commandLine[++i]);
            }
            else
            {
                word.Append(c);
            }
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return [.. words];
    }
}
