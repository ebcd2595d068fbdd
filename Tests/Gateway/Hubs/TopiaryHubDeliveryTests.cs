using System.Text.Json.Nodes;
using Topiary.Tests.EndToEnd;
using Topiary.Topics;

namespace Topiary.Tests.Gateway.Hubs;

/// <summary>
/// Subscriptions on the SignalR endpoint: the same notifications as the native protocol, in the
/// same order, across transports in both directions (docs/protocol.md §4, §5, §8; TOP-53).
/// </summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class TopiaryHubDeliveryTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task TOP_53_SignalR_subscriber_gets_subscribed_initial_value_then_native_updates_in_order()
    {
        await using var publisher = await EndToEnd.Sessions.AdminAsync(_gateway);
        await publisher.Topics.AddAndSetAsync("prices/EURUSD", TopicType.Double, 1.5);
        await using var subscriber = await SignalRTestClient.OpenAsync(_gateway, principal: null);

        var subscribe = subscriber.InvokeAsync("topics.subscribe", new JsonObject { ["selector"] = "?prices//" });
        var subscribed = await subscriber.NextAsync("subscribed");
        var initial = await subscriber.NextAsync("value");
        Assert.Equal("{}", (await subscribe)!.ToJsonString());
        for (var i = 1; i <= 20; i++)
        {
            await publisher.Topics.SetAsync("prices/EURUSD", 1.5 + i);
        }

        Assert.Equal("prices/EURUSD", (string?)subscribed!["path"]);
        Assert.Equal("DOUBLE", (string?)subscribed["specification"]!["type"]);
        Assert.Equal(1, (long)subscribed["sequence"]!);
        AssertValue(initial, "prices/EURUSD", "DOUBLE", "1.5", sequence: 1, isInitial: true);
        Assert.Equal((string?)subscribed["epoch"], (string?)initial!["epoch"]);
        for (var i = 1; i <= 20; i++)
        {
            AssertValue(await subscriber.NextAsync("value"), "prices/EURUSD", "DOUBLE", (1.5 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), sequence: 1 + i, isInitial: false);
        }
        await subscriber.AssertQuietAsync();
    }

    [Fact]
    public async Task Native_subscriber_gets_updates_published_through_the_hub()
    {
        await using var hubPublisher = await SignalRTestClient.OpenAsync(_gateway);
        await using var subscriber = await EndToEnd.Sessions.AnonymousAsync(_gateway);
        var events = new EventCollector();
        using var stream = subscriber.Topics.AddStream("?sensors/", events);
        await subscriber.Topics.SubscribeAsync("?sensors/");

        await hubPublisher.InvokeAsync("topics.addAndSet", new JsonObject { ["path"] = "sensors/t1", ["type"] = "INT64", ["value"] = 20 });
        await hubPublisher.InvokeAsync("topics.set", new JsonObject { ["path"] = "sensors/t1", ["type"] = "INT64", ["value"] = "9223372036854775807" });

        Assert.Equal(["subscribed sensors/t1", "value sensors/t1 20", "value sensors/t1 9223372036854775807"], await events.TakeAsync(3));
        await events.AssertQuietAsync();
    }

    [Fact]
    public async Task Values_of_every_type_arrive_in_their_JSON_form_and_a_cleared_value_as_null()
    {
        await using var client = await SignalRTestClient.OpenAsync(_gateway);
        await client.InvokeAsync("topics.subscribe", new JsonObject { ["selector"] = "?forms/" });
        (string Type, JsonNode Value, JsonNode Expected)[] cases =
        [
            ("JSON", "{\"bid\":1.1}", "{\"bid\":1.1}"),
            ("STRING", "héllo", "héllo"),
            ("INT64", 9007199254740993, "9007199254740993"),
            ("DOUBLE", "Infinity", "Infinity"),
            ("DOUBLE", 0.1, 0.1),
            ("BINARY", "AAEC", "AAEC"),
        ];

        for (var i = 0; i < cases.Length; i++)
        {
            var (type, value, expected) = cases[i];
            var path = $"forms/{type}{i}";
            await client.InvokeAsync("topics.addAndSet", new JsonObject { ["path"] = path, ["type"] = type, ["value"] = value.DeepClone() });
            Assert.Equal(path, (string?)(await client.NextAsync("subscribed"))!["path"]);
            var update = await client.NextAsync("value");
            Assert.Equal(path, (string?)update!["path"]);
            Assert.Equal(type, (string?)update["type"]);
            Assert.True(JsonNode.DeepEquals(expected, update["value"]), $"{type}: expected {expected.ToJsonString()}, got {update["value"]?.ToJsonString()}");
        }
        await client.InvokeAsync("topics.set", new JsonObject { ["path"] = "forms/STRING1", ["type"] = "STRING", ["value"] = null });
        var cleared = await client.NextAsync("value");

        Assert.Equal("forms/STRING1", (string?)cleared!["path"]);
        Assert.Null(cleared["value"]);
        Assert.Equal(2, (long)cleared["sequence"]!);
    }

    [Fact]
    public async Task Unsubscribe_says_REQUESTED_and_remove_says_REMOVED()
    {
        await using var client = await SignalRTestClient.OpenAsync(_gateway);
        await client.InvokeAsync("topics.add", new JsonObject { ["path"] = "u/a", ["type"] = "STRING" });
        await client.InvokeAsync("topics.add", new JsonObject { ["path"] = "u/b", ["type"] = "STRING" });
        await client.InvokeAsync("topics.subscribe", new JsonObject { ["selector"] = "?u/" });
        var paths = new[] { (string?)(await client.NextAsync("subscribed"))!["path"], (string?)(await client.NextAsync("subscribed"))!["path"] };

        await client.InvokeAsync("topics.unsubscribe", new JsonObject { ["selector"] = "u/a" });
        var requested = await client.NextAsync("unsubscribed");
        await client.InvokeAsync("topics.remove", new JsonObject { ["selector"] = "u/b" });
        var removed = await client.NextAsync("unsubscribed");
        await client.InvokeAsync("topics.set", new JsonObject { ["path"] = "u/a", ["type"] = "STRING", ["value"] = "after" });

        Assert.Equal(["u/a", "u/b"], paths.Order());
        Assert.Equal(("u/a", "REQUESTED"), ((string?)requested!["path"], (string?)requested["reason"]));
        Assert.Equal(("u/b", "REMOVED"), ((string?)removed!["path"], (string?)removed["reason"]));
        await client.AssertQuietAsync();
    }

    private static void AssertValue(JsonNode? update, string path, string type, string value, long sequence, bool isInitial)
    {
        Assert.NotNull(update);
        Assert.Equal(path, (string?)update["path"]);
        Assert.Equal(type, (string?)update["type"]);
        Assert.Equal(value, update["value"]!.ToJsonString());
        Assert.Equal(sequence, (long)update["sequence"]!);
        Assert.Equal(isInitial, (bool)update["initial"]!);
    }
}
