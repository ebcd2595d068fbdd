namespace Topiary.Tests.Docs;

/// <summary>The marked examples of docs/security.md: script blocks, the error message, the evaluation table.</summary>
internal static class SecurityDocs
{
    private static readonly string[] s_lines = RepositoryFiles.ReadAllText("docs/security.md").Split('\n');

    /// <summary>Every fenced block after a <c>&lt;!-- {marker} --&gt;</c> line, in document order, as (marker, text).</summary>
    public static List<(string Marker, string Text)> Blocks(string prefix)
    {
        var blocks = new List<(string, string)>();
        for (var i = 0; i < s_lines.Length; i++)
        {
            if (!s_lines[i].StartsWith($"<!-- {prefix}", StringComparison.Ordinal))
            {
                continue;
            }
            Assert.StartsWith("```", s_lines[i + 1], StringComparison.Ordinal);
            var body = s_lines.Skip(i + 2).TakeWhile(line => !line.StartsWith("```", StringComparison.Ordinal));
            blocks.Add((s_lines[i][5..^4], string.Join('\n', body)));
        }
        return blocks;
    }

    /// <summary>The one-line code span after <c>&lt;!-- message --&gt;</c>.</summary>
    public static string Message() => s_lines[Array.IndexOf(s_lines, "<!-- message -->") + 1].Trim('`');

    /// <summary>The body rows of the table after <c>&lt;!-- examples:evaluation --&gt;</c>, cells without backquotes.</summary>
    public static List<string[]> EvaluationRows()
    {
        var start = Array.IndexOf(s_lines, "<!-- examples:evaluation -->");
        Assert.True(start >= 0, "no examples:evaluation table in docs/security.md");
        return [.. s_lines.Skip(start + 3).TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim().Trim('`')).ToArray())];
    }
}
