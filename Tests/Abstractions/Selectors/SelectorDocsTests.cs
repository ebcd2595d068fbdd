using Topiary.Errors;
using Topiary.Selectors;

namespace Topiary.Tests.Abstractions.Selectors;

/// <summary>
/// Every example table in docs/selectors.md (marked <c>&lt;!-- examples:… --&gt;</c>) is run here, so
/// the user documentation cannot drift from the parser.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class SelectorDocsTests
{
    [Fact]
    public void Docs_selects_examples_hold()
    {
        var rows = Table("selects");

        Assert.True(rows.Count >= 30);
        foreach (var (selector, path, selected, prefix) in rows.Select(r => (r[0], r[1], r[2], r[3])))
        {
            var parsed = TopicSelector.Parse(selector);
            Assert.True(parsed.Selects(path) == (selected == "yes"), $"'{selector}' selects '{path}' should be {selected}");
            Assert.Equal(prefix, parsed.PathPrefix);
        }
    }

    [Fact]
    public void Docs_prefix_and_canonical_examples_hold()
    {
        foreach (var row in Table("prefix"))
        {
            Assert.Equal(row[1], TopicSelector.Parse(row[0]).PathPrefix);
        }
        foreach (var row in Table("canonical"))
        {
            Assert.Equal(row[1], TopicSelector.Parse(row[0]).Expression);
        }
    }

    [Fact]
    public void Docs_error_examples_hold()
    {
        var rows = Table("errors");

        Assert.True(rows.Count >= 10);
        foreach (var row in rows)
        {
            var e = Assert.ThrowsAny<TopiaryException>(() => TopicSelector.Parse(row[0]));
            Assert.Equal(row[1], (string?)e.Error.Details!["reason"]);
            Assert.Equal(int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture), (int?)e.Error.Details!["position"]);
        }
    }

    [Fact]
    public void Docs_message_example_is_the_real_message()
    {
        var docs = File.ReadAllText(RepositoryFiles.PathOf("docs/selectors.md"));
        var e = Assert.ThrowsAny<TopiaryException>(() => TopicSelector.Parse("?alpha/[^/]+"));

        Assert.Contains(e.Message, docs, StringComparison.Ordinal);
    }

    /// <summary>The body rows of the table after <c>&lt;!-- examples:name --&gt;</c>, cells unquoted.</summary>
    private static List<string[]> Table(string name)
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf("docs/selectors.md"));
        var start = Array.IndexOf(lines, $"<!-- examples:{name} -->");
        Assert.True(start >= 0, $"no examples:{name} table in docs/selectors.md");
        return lines.Skip(start + 3).TakeWhile(l => l.StartsWith('|')).Select(Cells).ToList();
    }

    private static string[] Cells(string row)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] == '\\' && i + 1 < row.Length && row[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (row[i] == '|')
            {
                cells.Add(Unquote(cell.ToString().Trim()));
                cell.Clear();
            }
            else
            {
                cell.Append(row[i]);
            }
        }
        return [.. cells];
    }

    private static string Unquote(string cell) =>
        cell == "*(root)*" ? string.Empty : cell.Length >= 2 && cell[0] == '`' && cell[^1] == '`' ? cell[1..^1] : cell;
}
