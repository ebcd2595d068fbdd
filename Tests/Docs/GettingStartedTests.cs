using System.Text.RegularExpressions;
using Topiary.Tests.EndToEnd;

namespace Topiary.Tests.Docs;

/// <summary>docs/getting-started.md is runnable as written: its program is this test's program, and it prints what the page says.</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed partial class GettingStartedTests
{
    [Fact]
    public void The_page_shows_exactly_the_program_that_is_run()
    {
        var page = RepositoryFiles.ReadAllText("docs/getting-started.md");
        var program = CSharpBlock().Match(page).Groups[1].Value;
        var source = RepositoryFiles.ReadAllText("Tests/Docs/GettingStartedExample.cs");

        var expected = CodeLines(program).Where(line => !line.StartsWith("using ", StringComparison.Ordinal)).ToList();
        var body = CodeLines(source[source.IndexOf("var url", StringComparison.Ordinal)..]).Take(expected.Count).ToList();
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task The_program_prints_what_the_page_says_first_run_and_second_run()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var page = RepositoryFiles.ReadAllText("docs/getting-started.md");
        Environment.SetEnvironmentVariable("TOPIARY_PASSWORD", GatewayHost.AdminPassword);
        try
        {
            var output = new StringWriter();
            await GettingStartedExample.RunAsync([new Uri(gateway.Url, "/").ToString().Replace("http", "ws", StringComparison.Ordinal)], output);
            Assert.Equal("demo/greeting #1: hello\ndemo/greeting #2: hello again\n", output.ToString().ReplaceLineEndings("\n"));
            Assert.Contains(output.ToString().ReplaceLineEndings("\n").TrimEnd(), page, StringComparison.Ordinal);

            var second = new StringWriter();
            await GettingStartedExample.RunAsync([gateway.Url.ToString()], second);
            Assert.Equal("demo/greeting #2: hello again\ndemo/greeting #3: hello\n", second.ToString().ReplaceLineEndings("\n"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TOPIARY_PASSWORD", null);
        }
    }

    private static List<string> CodeLines(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
