using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Topiary.Gateway.Sessions;
using Topiary.Tests.EndToEnd;
using Topiary.Tests.Grains.Runtime;

namespace Topiary.Tests.Gateway.Hubs;

/// <summary>Opening, closing and losing a session on the SignalR endpoint (docs/protocol.md §8).</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class TopiaryHubSessionTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    private int SessionCount => _gateway.Services.GetRequiredService<SessionRegistry>().Count;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Bad_credentials_fail_open_with_AUTHENTICATION_FAILED_and_open_can_be_retried()
    {
        await using var client = await SignalRTestClient.ConnectAsync(_gateway);

        var rejected = await Assert.ThrowsAsync<HubInvocationException>(() =>
            client.InvokeAsync("open", new JsonObject { ["principal"] = "admin", ["password"] = "wrong" }));
        var unknown = await Assert.ThrowsAsync<HubInvocationException>(() =>
            client.InvokeAsync("open", new JsonObject { ["principal"] = "nobody", ["password"] = GatewayHost.AdminPassword }));
        var notOpen = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("session.ping"));
        var opened = await client.InvokeAsync("open", new JsonObject { ["principal"] = "admin", ["password"] = GatewayHost.AdminPassword });

        WireErrorAssert.Envelope(rejected.Envelope, "AUTHENTICATION_FAILED", 3001);
        Assert.Equal(rejected.Envelope["message"]!.ToJsonString(), unknown.Envelope["message"]!.ToJsonString());
        Assert.Equal("NOT_OPENED", (string?)WireErrorAssert.Envelope(notOpen.Envelope, "SESSION_CLOSED", 3002)["details"]!["closeReason"]);
        Assert.Equal("admin", (string?)opened!["principal"]);
    }

    [Fact]
    public async Task Bad_open_arguments_are_INVALID_ARGUMENT_and_a_second_open_is_refused()
    {
        await using var client = await SignalRTestClient.ConnectAsync(_gateway);

        var notObject = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("open", JsonValue.Create(5)));
        var wrongType = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("open", new JsonObject { ["principal"] = 5 }));
        var tooLong = await Assert.ThrowsAsync<HubInvocationException>(() =>
            client.InvokeAsync("open", new JsonObject { ["principal"] = new string('p', 257) }));
        await client.InvokeAsync("open", new JsonObject());
        var twice = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("open", new JsonObject()));

        WireErrorAssert.InvalidArgument(notObject.Envelope, "args", "WRONG_TYPE");
        WireErrorAssert.InvalidArgument(wrongType.Envelope, "principal", "WRONG_TYPE");
        WireErrorAssert.InvalidArgument(tooLong.Envelope, "principal", "TOO_LONG");
        WireErrorAssert.InvalidArgument(twice.Envelope, "open", "ALREADY_OPEN");
    }

    [Fact]
    public async Task Session_close_answers_then_says_closing_and_refuses_later_calls()
    {
        await using var client = await SignalRTestClient.OpenAsync(_gateway);
        Assert.Equal(1, SessionCount);

        var result = await client.InvokeAsync("session.close");
        var closing = await client.NextAsync("closing");
        var after = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("session.ping"));

        Assert.Equal("{}", result!.ToJsonString());
        Assert.Equal("CLIENT_REQUESTED", (string?)closing!["reason"]);
        Assert.Equal("CLIENT_REQUESTED", (string?)WireErrorAssert.Envelope(after.Envelope, "SESSION_CLOSED", 3002)["details"]!["closeReason"]);
        Assert.Equal(0, SessionCount);
    }

    [Fact]
    public async Task Dropped_connection_releases_the_session_and_its_subscriptions()
    {
        await using var publisher = await EndToEnd.Sessions.AdminAsync(_gateway);
        await publisher.Topics.AddAndSetAsync("drop/t", Topiary.Topics.TopicType.String, "v1");
        var client = await SignalRTestClient.OpenAsync(_gateway, principal: null);
        await client.InvokeAsync("topics.subscribe", new JsonObject { ["selector"] = "drop/t" });
        Assert.Equal(2, SessionCount);

        client.Abort();
        await client.DisposeAsync();

        await Eventually.TrueAsync(() => SessionCount == 1, "the dropped connection's session is released");
        // The topic no longer holds the released session: publishing still works and nothing is delivered to it.
        await publisher.Topics.SetAsync("drop/t", "v2");
    }

    [Fact]
    public async Task Gateway_shutdown_says_closing_SERVER_SHUTDOWN_then_ends_the_connection()
    {
        var gateway = await GatewayHost.StartAsync();
        await using var client = await SignalRTestClient.OpenAsync(gateway);

        await gateway.DisposeAsync();

        Assert.Equal("SERVER_SHUTDOWN", (string?)(await client.NextAsync("closing"))!["reason"]);
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Outbound_overflow_says_closing_OUTBOUND_BUFFER_OVERFLOW_and_ends_the_connection()
    {
        await using var gateway = await GatewayHost.StartAsync(settings: new Dictionary<string, string?> { ["Topiary:Limits:MaxOutboundBytes"] = "65536" });
        await using var client = await SignalRTestClient.OpenAsync(gateway);
        await client.InvokeAsync("topics.add", new JsonObject { ["path"] = "big", ["type"] = "STRING" });
        await client.InvokeAsync("topics.subscribe", new JsonObject { ["selector"] = "big" });
        Assert.Equal("big", (string?)(await client.NextAsync("subscribed"))!["path"]);

        // One value larger than the whole outbound limit cannot be queued: the session overflows.
        var set = client.InvokeAsync("topics.set", new JsonObject { ["path"] = "big", ["type"] = "STRING", ["value"] = new string('x', 70_000) });

        Assert.Equal("OUTBOUND_BUFFER_OVERFLOW", (string?)(await client.NextAsync("closing"))!["reason"]);
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        // Its answer was queued behind the value and dropped with it: the call fails, it never hangs.
        await Assert.ThrowsAsync<HubInvocationException>(() => set);
        await Eventually.TrueAsync(() => gateway.Services.GetRequiredService<SessionRegistry>().Count == 0, "the overflowed session is released");
    }
}
