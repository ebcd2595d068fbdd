using System.Text.Json.Nodes;
using Topiary.Tests.EndToEnd;

namespace Topiary.Tests.Gateway.Hubs;

/// <summary>
/// What SignalR itself refuses on the hub (docs/protocol.md §8.4): unknown methods, wrong
/// argument counts, broken records, oversized messages. Each gets a clear error or ends only
/// the offending connection; the gateway keeps serving everyone else.
/// </summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class TopiaryHubBadInputTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() =>
        _gateway = await GatewayHost.StartAsync(settings: new Dictionary<string, string?> { ["Topiary:Limits:MaxMessageBytes"] = "65536" });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Unknown_method_and_wrong_argument_count_fail_the_invocation_and_the_connection_stays()
    {
        await using var client = await SignalRTestClient.OpenAsync(_gateway);

        var unknown = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("topics.nope", new JsonObject()));
        var none = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("topics.add"));
        var two = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("topics.add", new JsonObject(), new JsonObject()));
        var ping = await client.InvokeAsync("session.ping");

        Assert.Contains("topics.nope", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("provides 0 argument(s) but target expects 1", none.Message, StringComparison.Ordinal);
        Assert.Contains("provides 2 argument(s) but target expects 1", two.Message, StringComparison.Ordinal);
        Assert.Equal("0.1.0", (string?)ping!["serverVersion"]);
    }

    [Theory]
    [InlineData("{\"type\":1,\"invocationId\":\"1\",\"target\":")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":1,\"invocationId\":\"9\",\"target\":\"topics.add\",\"arguments\":{}}")]
    public async Task Broken_record_ends_that_connection_only(string record)
    {
        await using var bystander = await SignalRTestClient.OpenAsync(_gateway);
        await using var client = await SignalRTestClient.OpenAsync(_gateway);

        await client.SendRawAsync(record + "\u001e");

        var closed = await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(closed);
        Assert.Equal("0.1.0", (string?)(await bystander.InvokeAsync("session.ping"))!["serverVersion"]);
    }

    [Fact]
    public async Task Message_over_MaxMessageBytes_ends_that_connection_only()
    {
        await using var bystander = await SignalRTestClient.OpenAsync(_gateway);
        await using var client = await SignalRTestClient.OpenAsync(_gateway);

        var invocation = client.InvokeAsync("topics.addAndSet",
            new JsonObject { ["path"] = "big", ["type"] = "STRING", ["value"] = new string('x', 70_000) });

        await Assert.ThrowsAsync<HubInvocationException>(() => invocation);
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("0.1.0", (string?)(await bystander.InvokeAsync("session.ping"))!["serverVersion"]);
    }
}
