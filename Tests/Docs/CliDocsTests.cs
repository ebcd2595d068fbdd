using System.Text.RegularExpressions;
using Topiary.Cli.Commands;
using Topiary.Cli.Parsing;
using Topiary.Tests.Cli;

namespace Topiary.Tests.Docs;

/// <summary>docs/cli.md is runnable as written: the tour prints what the page shows, and every verb and example on the page is real.</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed partial class CliDocsTests : GatewayTests
{
    private static readonly string Page = RepositoryFiles.ReadAllText("docs/cli.md");

    [Fact]
    public async Task The_tour_prints_exactly_what_the_page_shows()
    {
        var tour = ConsoleBlock().Match(Page[Page.IndexOf("## A tour", StringComparison.Ordinal)..]).Groups[1].Value;
        var steps = tour.Split("$ topiary ", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(steps.Length >= 8, "the tour has its commands");
        foreach (var step in steps)
        {
            var lines = step.TrimEnd('\n').Split('\n');
            var run = await CliRunner.RunAsync(Gateway, ShellWords.Split(lines[0]));

            string[] printed = [.. run.Lines, .. Lines(run.Stderr)];
            Assert.Equal(lines[1..], printed);
        }
    }

    [Fact]
    public void Every_verb_has_a_section_whose_synopsis_matches_its_arguments()
    {
        foreach (var command in CommandRegistry.Default.Commands)
        {
            var heading = $"### topiary {command.Name}\n\n`topiary {command.Name}";
            var at = Page.IndexOf(heading, StringComparison.Ordinal);
            Assert.True(at >= 0, $"docs/cli.md has no section for '{command.Name}'");
            var synopsis = Page[(at + heading.Length - $"`topiary {command.Name}".Length)..].Split('\n')[0];
            foreach (var argument in command.Arguments)
            {
                Assert.Contains(argument.Synopsis, synopsis, StringComparison.Ordinal);
            }
            foreach (var option in command.Options)
            {
                Assert.Contains(option.Name, synopsis, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_example_under_verbs_parses_as_its_verb()
    {
        var verbs = Page[Page.IndexOf("## Verbs", StringComparison.Ordinal)..Page.IndexOf("## Values", StringComparison.Ordinal)];
        var examples = ShBlock().Matches(verbs).SelectMany(block => block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.True(examples.Count >= 8, "each verb shows an example");
        var parser = new CommandLineParser(CommandRegistry.Default);
        foreach (var example in examples)
        {
            var words = ShellWords.Split(example.Split(" && ")[0]);
            Assert.Equal("topiary", words[0]);
            Assert.NotNull(parser.Parse(words[1..]).Command);
        }
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r'));

    [GeneratedRegex("```console\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ConsoleBlock();

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShBlock();
}
