using System.Net;
using Topiary.Client;

namespace Topiary.Tests.EndToEnd;

[Trait("Category", TestCategories.EndToEnd)]
public sealed class GatewayLifecycleEndToEndTests
{
    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = new HttpClient { BaseAddress = gateway.Url };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stopping_the_gateway_closes_sessions_with_reason_server_shutdown()
    {
        var gateway = await GatewayHost.StartAsync();
        var session = await Sessions.AnonymousAsync(gateway);
        var closed = new TaskCompletionSource<SessionClosedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Closed += (_, e) => closed.TrySetResult(e);

        await gateway.DisposeAsync();

        var result = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("SERVER_SHUTDOWN", result.Reason);
        Assert.Equal(SessionState.ClosedByServer, session.State);
        await session.DisposeAsync();
    }

    [Fact]
    public async Task Invalid_settings_stop_the_start_with_one_clear_line_per_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            GatewayHost.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Topiary:Limits:MaxValueBytes"] = "10",
                ["Topiary:Limits:MaxMessageBytes"] = "1",
            }));
        Assert.Contains("Topiary:Limits:MaxValueBytes = 10 is out of range; allowed 1024 to 67108864", error.Failures);
        Assert.Contains("Topiary:Limits:MaxMessageBytes = 1 is out of range; allowed 65536 to 67108864", error.Failures);
    }
}
