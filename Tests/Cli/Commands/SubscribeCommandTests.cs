using Topiary.Cli;
using Topiary.Client.Topics;
using Topiary.Tests.EndToEnd;
using Topiary.Topics;

namespace Topiary.Tests.Cli.Commands;

/// <summary><c>topiary subscribe</c> in-process against a real gateway, with another session publishing (TOP-50).</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class SubscribeCommandTests : GatewayTests
{
    [Fact]
    public async Task TOP_50_prints_current_values_then_updates_and_exits_after_count()
    {
        await using var publisher = await Sessions.AdminAsync(Gateway);
        await publisher.Topics.AddAndSetAsync("s/a", TopicType.Int64, 1L);
        var stdout = new LineWriter();

        var running = CliRunner.RunAsync(CliRunner.AdminEnvironment(Gateway), stdout, CancellationToken.None, "subscribe", "?s//", "--count", "4", "--timeout", "30");
        Assert.Equal("s/a\t1", await stdout.NextLineAsync());
        await publisher.Topics.SetAsync("s/a", 2L);
        await publisher.Topics.AddAndSetAsync("s/b", TopicType.String, "later");
        await publisher.Topics.SetAsync("s/a", 3L);
        var run = await running;

        run.AssertExit(ExitCodes.Success);
        Assert.Equal(["s/a\t1", "s/a\t2", "s/b\tlater", "s/a\t3"], run.Lines);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Json_lines_carry_path_type_sequence_and_value()
    {
        await using var publisher = await Sessions.AdminAsync(Gateway);
        await publisher.Topics.AddAndSetAsync("j", TopicType.Json, JsonValue.Parse("""{ "a" : 1 }"""));

        var run = await CliRunner.RunAsync(Gateway, "subscribe", ">j", "--count", "1", "--json");

        run.AssertExit(ExitCodes.Success);
        Assert.Matches("""^\{"path":"j","type":"JSON","sequence":\d+,"value":\{"a":1\}\}$""", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task The_timeout_fails_with_exit_3_only_when_count_was_not_reached()
    {
        await using var publisher = await Sessions.AdminAsync(Gateway);
        await publisher.Topics.AddAndSetAsync("t", TopicType.String, "only");

        var counted = await CliRunner.RunAsync(Gateway, "subscribe", ">t", "--count", "2", "--timeout", "1");
        var uncounted = await CliRunner.RunAsync(Gateway, "subscribe", ">t", "--timeout", "1");

        counted.AssertExit(ExitCodes.Unavailable);
        Assert.Equal(["t\tonly"], counted.Lines);
        Assert.Equal("topiary: subscribe: timed out after 1 s with 1 of 2 values", counted.ErrorLine);
        uncounted.AssertExit(ExitCodes.Success);
        Assert.Equal(["t\tonly"], uncounted.Lines);
        Assert.Empty(uncounted.Stderr);
    }

    [Fact]
    public async Task Ctrl_C_ends_the_subscription_with_exit_0()
    {
        await using var publisher = await Sessions.AdminAsync(Gateway);
        await publisher.Topics.AddAndSetAsync("c", TopicType.Double, 1.5);
        using var interrupt = new CancellationTokenSource();
        var stdout = new LineWriter();

        var running = CliRunner.RunAsync(CliRunner.AdminEnvironment(Gateway), stdout, interrupt.Token, "subscribe", "?c//");
        Assert.Equal("c\t1.5", await stdout.NextLineAsync());
        await interrupt.CancelAsync();
        var run = await running;

        run.AssertExit(ExitCodes.Success);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task A_lost_connection_ends_the_subscription_with_exit_3()
    {
        var gateway = await GatewayHost.StartAsync();
        await using (var publisher = await Sessions.AdminAsync(gateway))
        {
            await publisher.Topics.AddAndSetAsync("l", TopicType.String, "first");
        }
        var stdout = new LineWriter();
        var running = CliRunner.RunAsync(CliRunner.AdminEnvironment(gateway), stdout, CancellationToken.None, "subscribe", ">l");
        Assert.Equal("l\tfirst", await stdout.NextLineAsync());

        await gateway.DisposeAsync();
        var run = await running;

        run.AssertExit(ExitCodes.Unavailable);
        Assert.StartsWith("topiary: subscribe: the session closed (", run.ErrorLine, StringComparison.Ordinal);
        Assert.EndsWith(") after 1 values", run.ErrorLine, StringComparison.Ordinal);
    }
}
