using Topiary.Cli;
using Topiary.Tests.EndToEnd;

namespace Topiary.Tests.Cli;

/// <summary>Connecting: options over environment against a real gateway, refused connections, wrong credentials.</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class ConnectionEndToEndTests : GatewayTests
{
    [Fact]
    public async Task The_url_option_wins_over_TOPIARY_URL()
    {
        var closed = ClosedPort.Url();
        var environment = CliRunner.AdminEnvironment(Gateway);
        environment["TOPIARY_URL"] = closed;

        var optionGood = await CliRunner.RunAsync(environment, "ping", "--url", Gateway.Url.ToString());
        var optionBad = await CliRunner.RunAsync(CliRunner.AdminEnvironment(Gateway), "ping", "--url", closed);

        optionGood.AssertExit(ExitCodes.Success);
        optionBad.AssertExit(ExitCodes.Unavailable);
    }

    [Fact]
    public async Task The_password_option_wins_over_TOPIARY_PASSWORD()
    {
        var wrong = await CliRunner.RunAsync(Gateway, "topics", "add", "a", "--password", "not-the-password");
        var environment = CliRunner.AdminEnvironment(Gateway);
        environment["TOPIARY_PASSWORD"] = "not-the-password";
        var right = await CliRunner.RunAsync(environment, "topics", "add", "a", "--password", GatewayHost.AdminPassword);

        wrong.AssertExit(ExitCodes.ServerError);
        Assert.StartsWith("topiary: topics add: AUTHENTICATION_FAILED: ", wrong.ErrorLine, StringComparison.Ordinal);
        right.AssertExit(ExitCodes.Success);
    }

    [Fact]
    public async Task A_refused_connection_is_exit_3_with_one_line()
    {
        var url = ClosedPort.Url();

        var run = await CliRunner.RunAsync(Gateway, "topics", "get", "?a//", "--url", url);

        run.AssertExit(ExitCodes.Unavailable);
        Assert.StartsWith($"topiary: topics get: RETRYABLE: cannot open a session at ws://127.0.0.1:{new Uri(url).Port}/topiary", run.ErrorLine, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Session_options_the_sdk_refuses_are_usage_errors()
    {
        var run = await CliRunner.RunAsync(Gateway, "ping", "--principal", new string('p', 257));

        run.AssertExit(ExitCodes.Usage);
        Assert.Equal(
            "topiary: ping: cannot open a session: INVALID_ARGUMENT: the session option Principal must be at most 256 characters (see 'topiary ping --help')",
            run.ErrorLine);
    }

    [Fact]
    public async Task A_verb_interrupted_before_the_answer_is_exit_3_with_an_unknown_outcome()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var interrupted = new CancellationTokenSource();
        await interrupted.CancelAsync();

        var exitCode = await CliApplication.RunAsync(["topics", "add", "a"], stdout, stderr, CliRunner.AdminEnvironment(Gateway), interrupted.Token);

        Assert.Equal(ExitCodes.Unavailable, exitCode);
        Assert.Equal("topiary: topics add: interrupted before the server answered; the outcome is unknown", new CliRun(exitCode, "", stderr.ToString()).ErrorLine);
    }
}
