using System.Text.RegularExpressions;

namespace Topiary.Tests.Client;

/// <summary>Every C# example of docs/client-dotnet.md appears verbatim in <see cref="ClientDocsExamples"/>, which the build compiles.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed partial class ClientDocsTests
{
    [Fact]
    public void Every_docs_example_is_compiled()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "client-dotnet.md"));
        var examples = Lines(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "Tests", "Client", "ClientDocsExamples.cs")));
        var blocks = CSharpBlock().Matches(docs).Select(m => Lines(m.Groups[1].Value)).ToList();

        Assert.True(blocks.Count >= 10, $"only {blocks.Count} examples found");
        foreach (var block in blocks)
        {
            Assert.True(Contains(examples, block), $"docs example not in ClientDocsExamples.cs:\n{string.Join('\n', block)}");
        }
    }

    private static bool Contains(List<string> lines, List<string> block)
    {
        for (var start = 0; start + block.Count <= lines.Count; start++)
        {
            if (lines.Skip(start).Take(block.Count).SequenceEqual(block))
            {
                return true;
            }
        }
        return false;
    }

    // Indentation and blank lines differ between a page and a method body; the code does not.
    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
