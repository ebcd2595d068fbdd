using System.Text.Json.Nodes;
using Topiary.Tests.EndToEnd;

namespace Topiary.Tests.Gateway.Hubs;

/// <summary>Every hub method against a real gateway, through a SignalR JSON-protocol client (docs/protocol.md §8).</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class TopiaryHubOperationsTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Open_returns_the_native_opened_object_and_ping_answers()
    {
        await using var client = await SignalRTestClient.ConnectAsync(_gateway);

        var opened = await client.InvokeAsync("open", new JsonObject { ["principal"] = "admin", ["password"] = GatewayHost.AdminPassword });
        var ping = await client.InvokeAsync("session.ping");

        Assert.Equal("opened", (string?)opened!["type"]);
        Assert.Equal("admin", (string?)opened["principal"]);
        Assert.Matches("^[0-9a-f]{16}-[0-9a-f]{16}$", (string?)opened["sessionId"]);
        Assert.Equal("0.1.0", (string?)ping!["serverVersion"]);
        Assert.InRange((long)ping["serverTime"]!, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Add_addAndSet_set_fetch_and_remove_answer_the_native_results()
    {
        await using var client = await SignalRTestClient.OpenAsync(_gateway);

        var added = await client.InvokeAsync("topics.add", new JsonObject { ["path"] = "hub/a", ["type"] = "STRING" });
        var again = await client.InvokeAsync("topics.add", new JsonObject { ["path"] = "hub/a", ["type"] = "STRING" });
        var addedAndSet = await client.InvokeAsync("topics.addAndSet",
            new JsonObject { ["path"] = "hub/b", ["type"] = "INT64", ["properties"] = new JsonObject { ["PERSISTENT"] = "false" }, ["value"] = "42" });
        var set = await client.InvokeAsync("topics.set", new JsonObject { ["path"] = "hub/a", ["type"] = "STRING", ["value"] = "hello" });
        var fetched = await client.InvokeAsync("topics.fetch",
            new JsonObject { ["selector"] = "?hub//", ["withValues"] = true, ["withProperties"] = true });
        var removed = await client.InvokeAsync("topics.remove", new JsonObject { ["selector"] = "?hub//" });
        var afterRemove = await client.InvokeAsync("topics.fetch", new JsonObject { ["selector"] = "?hub//" });

        Assert.True((bool)added!["added"]!);
        Assert.False((bool)again!["added"]!);
        Assert.True((bool)addedAndSet!["added"]!);
        Assert.Equal(1, (long)addedAndSet["sequence"]!);
        Assert.Matches("^[0-9a-f]{16}$", (string?)addedAndSet["epoch"]);
        Assert.Equal(1, (long)set!["sequence"]!);
        var results = fetched!["results"]!.AsArray();
        Assert.Equal(["hub/a", "hub/b"], results.Select(result => (string?)result!["path"]));
        Assert.Equal("hello", (string?)results[0]!["value"]);
        Assert.Equal("42", (string?)results[1]!["value"]);
        Assert.Equal("false", (string?)results[1]!["properties"]!["PERSISTENT"]);
        Assert.False((bool)fetched["hasMore"]!);
        Assert.Equal(2, (int)removed!["removedCount"]!);
        Assert.Empty(afterRemove!["results"]!.AsArray());
    }

    [Fact]
    public async Task Fetch_pages_with_limit_and_after()
    {
        await using var client = await SignalRTestClient.OpenAsync(_gateway);
        foreach (var name in new[] { "p/1", "p/2", "p/3" })
        {
            await client.InvokeAsync("topics.add", new JsonObject { ["path"] = name, ["type"] = "DOUBLE" });
        }

        var first = await client.InvokeAsync("topics.fetch", new JsonObject { ["selector"] = "?p/", ["limit"] = 2 });
        var second = await client.InvokeAsync("topics.fetch", new JsonObject { ["selector"] = "?p/", ["limit"] = 2, ["after"] = "p/2" });

        Assert.Equal(["p/1", "p/2"], first!["results"]!.AsArray().Select(result => (string?)result!["path"]));
        Assert.True((bool)first["hasMore"]!);
        Assert.Equal(["p/3"], second!["results"]!.AsArray().Select(result => (string?)result!["path"]));
        Assert.False((bool)second["hasMore"]!);
    }

    [Fact]
    public async Task Invalid_path_is_the_native_envelope_with_details_and_correlation_id()
    {
        await using var client = await SignalRTestClient.OpenAsync(_gateway);

        var error = await Assert.ThrowsAsync<HubInvocationException>(() =>
            client.InvokeAsync("topics.add", new JsonObject { ["path"] = "a//b", ["type"] = "STRING" }));

        var envelope = WireErrorAssert.Envelope(error.Envelope, "INVALID_PATH", 1001);
        Assert.Equal("EMPTY_SEGMENT", (string?)envelope["details"]!["reason"]);
        Assert.Matches("^[0-9a-f]{32}$", (string?)envelope["correlationId"]);
        Assert.Contains("'topics.add'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_name_the_argument()
    {
        await using var client = await SignalRTestClient.OpenAsync(_gateway);

        var notObject = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("topics.add", JsonValue.Create("hub/a")));
        var missing = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("topics.set", new JsonObject { ["path"] = "hub/a" }));
        var badValue = await Assert.ThrowsAsync<HubInvocationException>(() =>
            client.InvokeAsync("topics.addAndSet", new JsonObject { ["path"] = "hub/a", ["type"] = "INT64", ["value"] = "x" }));
        var badSelector = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("topics.subscribe", new JsonObject { ["selector"] = "?[" }));

        WireErrorAssert.InvalidArgument(notObject.Envelope, "args", "WRONG_TYPE");
        WireErrorAssert.InvalidArgument(missing.Envelope, "type", "MISSING");
        WireErrorAssert.Envelope(badValue.Envelope, "INVALID_VALUE", 1007);
        WireErrorAssert.Envelope(badSelector.Envelope, "INVALID_SELECTOR", 1002);
    }

    [Fact]
    public async Task Anonymous_session_may_read_but_not_modify()
    {
        await using var admin = await SignalRTestClient.OpenAsync(_gateway);
        await admin.InvokeAsync("topics.addAndSet", new JsonObject { ["path"] = "open/t", ["type"] = "STRING", ["value"] = "v" });
        await using var anonymous = await SignalRTestClient.OpenAsync(_gateway, principal: null);

        var denied = await Assert.ThrowsAsync<HubInvocationException>(() =>
            anonymous.InvokeAsync("topics.set", new JsonObject { ["path"] = "open/t", ["type"] = "STRING", ["value"] = "w" }));
        var fetched = await anonymous.InvokeAsync("topics.fetch", new JsonObject { ["selector"] = "open/t", ["withValues"] = true });

        var envelope = WireErrorAssert.Envelope(denied.Envelope, "PERMISSION_DENIED", 3000);
        Assert.Equal("UPDATE_TOPIC", (string?)envelope["details"]!["permission"]);
        Assert.Equal("v", (string?)fetched!["results"]![0]!["value"]);
    }
}
