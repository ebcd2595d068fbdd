using Topiary.Cli;
using Topiary.Cli.Commands;
using Topiary.Cli.Parsing;

namespace Topiary.Tests.Cli.Parsing;

/// <summary>The command-line grammar: every mistake is a usage error (exit 2) on one stderr line, before connecting.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class CommandLineParserTests
{
    private readonly CommandLineParser _parser = new(CommandRegistry.Default);

    [Theory]
    [InlineData("bogus", "topiary: unknown verb 'bogus'; verbs: ping, security, subscribe, topics (see 'topiary --help')")]
    [InlineData("topics bogus", "topiary: topics: unknown verb 'topics bogus'; 'topics' has: add, get, remove, set (see 'topiary topics --help')")]
    [InlineData("topics", "topiary: topics: missing verb; one of: add, get, remove, set (see 'topiary topics --help')")]
    [InlineData("", "topiary: missing verb; one of: ping, security, subscribe, topics (see 'topiary --help')")]
    [InlineData("topics get", "topiary: topics get: missing argument <selector> (see 'topiary topics get --help')")]
    [InlineData("topics set a", "topiary: topics set: missing argument <value> (see 'topiary topics set --help')")]
    [InlineData("ping extra", "topiary: ping: unexpected argument 'extra'; 'ping' takes no arguments (see 'topiary ping --help')")]
    [InlineData("topics get ?a// --limt 3", "topiary: topics get: unknown option '--limt' for 'topics get'; allowed: --limit, --url, --principal, --password, --json, --help, --version (see 'topiary topics get --help')")]
    [InlineData("--limit 3 topics get ?a//", "topiary: unknown option '--limit' before the verb; allowed: --url, --principal, --password, --json, --help, --version (see 'topiary --help')")]
    [InlineData("topics get ?a// --limit", "topiary: topics get: --limit needs a value: --limit N (see 'topiary topics get --help')")]
    [InlineData("ping --json=yes", "topiary: ping: --json takes no value (got 'yes') (see 'topiary ping --help')")]
    [InlineData("ping --url http://127.0.0.1:1 --url http://127.0.0.1:2", "topiary: ping: --url may be given only once (see 'topiary ping --help')")]
    [InlineData("topics get ?a// --limit many", "topiary: topics get: --limit: 'many' is not allowed; expected a whole number from 0 to 2147483647 (see 'topiary topics get --help')")]
    [InlineData("subscribe ?a// --count 0", "topiary: subscribe: --count: '0' is not allowed; expected a whole number from 1 to 9223372036854775807 (see 'topiary subscribe --help')")]
    public async Task Mistakes_are_usage_errors_on_one_line_naming_what_is_allowed(string commandLine, string error)
    {
        var run = await CliRunner.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        run.AssertExit(ExitCodes.Usage);
        Assert.Equal(error, run.ErrorLine);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Options_may_use_equals_come_after_arguments_and_repeat_when_allowed()
    {
        var line = _parser.Parse(["--json", "topics", "add", "a/b", "--type=double", "--property", "PERSISTENT=false", "--property=PRIORITY=high"]);

        Assert.Equal("topics add", line.Command!.Name);
        Assert.Equal(["a/b"], line.Arguments);
        Assert.True(line.Json);
        Assert.Equal("double", line.Value(TopicOptions.Type));
        Assert.Equal(["PERSISTENT=false", "PRIORITY=high"], line.Values(TopicOptions.Property));
    }

    [Fact]
    public void After_the_verb_negative_numbers_are_arguments_and_double_dash_ends_options()
    {
        var negative = _parser.Parse(["topics", "set", "n", "-5", "--type", "int64"]);
        var dashed = _parser.Parse(["topics", "set", "--", "s", "--json"]);

        Assert.Equal(["n", "-5"], negative.Arguments);
        Assert.Equal(["s", "--json"], dashed.Arguments);
        Assert.False(dashed.Json);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("topics --help")]
    [InlineData("topics set --help")]
    [InlineData("topics set -h")]
    public async Task Help_is_printed_for_the_tool_a_group_or_a_verb_without_needing_its_arguments(string commandLine)
    {
        var run = await CliRunner.RunAsync(commandLine.Split(' '));

        run.AssertExit(ExitCodes.Success);
        Assert.StartsWith(commandLine.Contains("set", StringComparison.Ordinal) ? "Usage: topiary topics set <path> <value>" : "topiary: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--url URL", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Version_prints_the_tool_version()
    {
        var run = await CliRunner.RunAsync("--version");

        run.AssertExit(ExitCodes.Success);
        Assert.Equal([$"topiary {CliApplication.Version}"], run.Lines);
        Assert.Matches(@"^\d+\.\d+\.\d+", CliApplication.Version);
    }

    [Fact]
    public void Every_verb_has_help_text_and_examples_that_parse()
    {
        foreach (var command in CommandRegistry.Default.Commands)
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Summary), command.Name);
            Assert.NotEmpty(command.Examples);
            foreach (var example in command.Examples)
            {
                var parsed = _parser.Parse(ShellWords.Split(example));
                Assert.Same(command, parsed.Command);
            }
        }
    }
}
