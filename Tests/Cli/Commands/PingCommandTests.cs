using System.Text.Json;
using Topiary.Cli;
using Topiary.Tests.EndToEnd;

namespace Topiary.Tests.Cli.Commands;

/// <summary><c>topiary ping</c> against a real gateway (SES-17).</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class PingCommandTests : GatewayTests
{
    [Fact]
    public async Task SES_17_prints_the_round_trip_and_the_server_version()
    {
        var run = await CliRunner.RunAsync(Gateway, "ping");

        run.AssertExit(ExitCodes.Success);
        Assert.Matches(@"^pong from \S+ in \d+(\.\d{1,3})? ms; server version 0\.1\.0$", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task SES_17_json_output_hasGateway_round_trip_version_and_server_time()
    {
        var run = await CliRunner.RunAsync(Gateway, "ping", "--json");

        run.AssertExit(ExitCodes.Success);
        using var json = JsonDocument.Parse(Assert.Single(run.Lines));
        var root = json.RootElement;
        Assert.Equal(["gateway", "roundTripMs", "serverVersion", "serverTime"], root.EnumerateObject().Select(member => member.Name));
        Assert.True(root.GetProperty("roundTripMs").GetDouble() >= 0);
        Assert.Equal("0.1.0", root.GetProperty("serverVersion").GetString());
        Assert.True(Math.Abs((root.GetProperty("serverTime").GetDateTimeOffset() - DateTimeOffset.UtcNow).TotalMinutes) < 5);
    }

    [Fact]
    public async Task Anonymous_sessions_may_ping() =>
        (await CliRunner.RunAsync(new Dictionary<string, string?> { ["TOPIARY_URL"] = Gateway.Url.ToString() }, "ping"))
            .AssertExit(ExitCodes.Success);
}
