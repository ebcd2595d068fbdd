using Topiary.Cli;
using Topiary.Tests.EndToEnd;
using Topiary.Topics;

namespace Topiary.Tests.Cli;

/// <summary>
/// <c>topiary</c> as a real child process: the exit codes a shell sees, one stderr line per
/// failure, <c>subscribe</c> lines reaching a pipe while it still runs, and Ctrl+C (SIGINT).
/// </summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class CliProcessTests : GatewayTests
{
    [Fact]
    public async Task Every_exit_code_reaches_the_shell_with_one_line_on_stderr_for_failures()
    {
        var admin = CliRunner.AdminEnvironment(Gateway);

        var success = await CliProcess.RunAsync(admin, "ping");
        var serverError = await CliProcess.RunAsync(admin, "topics", "set", "missing", "1");
        var usage = await CliProcess.RunAsync(admin, "topics", "get");
        var refused = await CliProcess.RunAsync(CliRunner.EmptyEnvironment, "ping", "--url", ClosedPort.Url());

        Assert.StartsWith("pong from ", Assert.Single(success.AssertExit(ExitCodes.Success).Lines), StringComparison.Ordinal);
        Assert.Empty(success.Stderr);
        Assert.StartsWith("topiary: topics set: NOT_FOUND: ", serverError.AssertExit(ExitCodes.ServerError).ErrorLine, StringComparison.Ordinal);
        Assert.Equal("topiary: topics get: missing argument <selector> (see 'topiary topics get --help')", usage.AssertExit(ExitCodes.Usage).ErrorLine);
        Assert.StartsWith("topiary: ping: RETRYABLE: cannot open a session at ", refused.AssertExit(ExitCodes.Unavailable).ErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_flushes_each_line_while_it_runs_and_exits_after_count()
    {
        await using var publisher = await Sessions.AdminAsync(Gateway);
        await publisher.Topics.AddAndSetAsync("p/x", TopicType.Int64, 1L);
        await using var cli = CliProcess.Start(CliRunner.AdminEnvironment(Gateway), "subscribe", "?p//", "--count", "3", "--timeout", "60");

        // Each update is published only after the previous line was read from the pipe.
        Assert.Equal("p/x\t1", await cli.NextLineAsync());
        await publisher.Topics.SetAsync("p/x", 2L);
        Assert.Equal("p/x\t2", await cli.NextLineAsync());
        await publisher.Topics.SetAsync("p/x", 3L);
        var run = await cli.WaitAsync();

        run.AssertExit(ExitCodes.Success);
        Assert.Equal(["p/x\t1", "p/x\t2", "p/x\t3"], run.Lines);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Subscribe_exits_3_when_count_is_not_reached_before_the_timeout()
    {
        var run = await CliProcess.RunAsync(CliRunner.AdminEnvironment(Gateway), "subscribe", "?nothing//", "--count", "1", "--timeout", "1");

        Assert.Equal("topiary: subscribe: timed out after 1 s with 0 of 1 values", run.AssertExit(ExitCodes.Unavailable).ErrorLine);
    }

    [Fact]
    public async Task Ctrl_C_on_subscribe_exits_0_without_output_on_stderr()
    {
        await using var publisher = await Sessions.AdminAsync(Gateway);
        await publisher.Topics.AddAndSetAsync("i", TopicType.String, "x");
        await using var cli = CliProcess.Start(CliRunner.AdminEnvironment(Gateway), "subscribe", ">i");
        Assert.Equal("i\tx", await cli.NextLineAsync());

        await cli.InterruptAsync();
        var run = await cli.WaitAsync();

        run.AssertExit(ExitCodes.Success);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Subscribe_ends_with_one_line_when_the_reader_of_its_pipe_has_gone()
    {
        await using var publisher = await Sessions.AdminAsync(Gateway);
        await publisher.Topics.AddAndSetAsync("h", TopicType.Int64, 0L);
        await using var cli = CliProcess.StartPipedToHead(CliRunner.AdminEnvironment(Gateway), "subscribe", ">h");
        Assert.Equal("h\t0", await cli.NextLineAsync());

        // head has exited; topiary notices at its next write, whichever update that is.
        var finished = cli.WaitAsync();
        for (var value = 1L; !finished.IsCompleted && value < 300; value++)
        {
            await publisher.Topics.SetAsync("h", value);
            await Task.WhenAny(finished, Task.Delay(100));
        }
        var run = await finished;

        run.AssertExit(ExitCodes.ServerError);
        Assert.Equal("topiary: subscribe: cannot write the output: Broken pipe", run.ErrorLine);
    }
}
