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
}
