using Topiary.Topics;

namespace Topiary.Tests.EndToEnd;

[Trait("Category", TestCategories.EndToEnd)]
public sealed class SubscriptionEndToEndTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task TOP_53_subscribe_after_add_gets_subscribed_current_value_then_updates_in_order()
    {
        await using var publisher = await Sessions.AdminAsync(_gateway);
        await publisher.Topics.AddAndSetAsync("prices/EURUSD", TopicType.Double, 1.05);
        await using var subscriber = await Sessions.AnonymousAsync(_gateway);
        var events = new EventCollector();
        using var stream = subscriber.Topics.AddStream("?prices//", events);

        await subscriber.Topics.SubscribeAsync("?prices//");
        for (var i = 1; i <= 50; i++)
        {
            await publisher.Topics.SetAsync("prices/EURUSD", 1.05 + i);
        }

        var received = await events.TakeAsync(52);
        Assert.Equal("subscribed prices/EURUSD", received[0]);
        Assert.Equal("value prices/EURUSD 1.05", received[1]);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"value prices/EURUSD {1.05 + i}"), received.Skip(2));
        await events.AssertQuietAsync();
    }

    [Fact]
    public async Task TOP_34_subscribe_before_add_subscribes_topics_added_later()
    {
        await using var subscriber = await Sessions.AnonymousAsync(_gateway);
        var events = new EventCollector();
        using var stream = subscriber.Topics.AddStream("?sensors/.*", events);
        await subscriber.Topics.SubscribeAsync("?sensors/.*");

        await using var publisher = await Sessions.AdminAsync(_gateway);
        await publisher.Topics.AddAndSetAsync("sensors/t1", TopicType.Int64, 20L);
        await publisher.Topics.SetAsync("sensors/t1", 21L);
        await publisher.Topics.AddAsync("elsewhere/t1", TopicType.Int64);

        Assert.Equal(["subscribed sensors/t1", "value sensors/t1 20", "value sensors/t1 21"], await events.TakeAsync(3));
        await events.AssertQuietAsync();
    }

    [Fact]
    public async Task TOP_51_overlapping_selectors_and_selector_sets_give_one_stream_per_topic()
    {
        await using var publisher = await Sessions.AdminAsync(_gateway);
        await publisher.Topics.AddAndSetAsync("a/b", TopicType.String, "x");
        await publisher.Topics.AddAndSetAsync("c", TopicType.String, "y");
        await using var subscriber = await Sessions.AnonymousAsync(_gateway);
        var events = new EventCollector();
        using var stream = subscriber.Topics.AddStream("*.*", events);

        await subscriber.Topics.SubscribeAsync("?a//");
        await subscriber.Topics.SubscribeAsync("a/b");
        await subscriber.Topics.SubscribeAsync("#*a/.*////>c");
        await publisher.Topics.SetAsync("a/b", "x2");

        var received = await events.TakeAsync(5);
        Assert.Equal(["subscribed a/b", "value a/b x", "subscribed c", "value c y", "value a/b x2"], received);
        await events.AssertQuietAsync();
    }

    [Fact]
    public async Task TOP_42_removing_a_topic_unsubscribes_with_reason_removed_and_re_adding_subscribes_again()
    {
        await using var publisher = await Sessions.AdminAsync(_gateway);
        await publisher.Topics.AddAndSetAsync("news/uk", TopicType.String, "first");
        await using var subscriber = await Sessions.AnonymousAsync(_gateway);
        var events = new EventCollector();
        using var stream = subscriber.Topics.AddStream("?news//", events);
        await subscriber.Topics.SubscribeAsync("?news//");
        Assert.Equal(["subscribed news/uk", "value news/uk first"], await events.TakeAsync(2));

        Assert.Equal(1, await publisher.Topics.RemoveAsync("news/uk"));
        Assert.Equal(["unsubscribed news/uk Removed"], await events.TakeAsync(1));

        await publisher.Topics.AddAndSetAsync("news/uk", TopicType.String, "second");
        Assert.Equal(["subscribed news/uk", "value news/uk second"], await events.TakeAsync(2));
    }

    [Fact]
    public async Task TOP_52_unsubscribe_sends_requested_and_stops_updates()
    {
        await using var publisher = await Sessions.AdminAsync(_gateway);
        await publisher.Topics.AddAndSetAsync("q/1", TopicType.Int64, 1L);
        await using var subscriber = await Sessions.AnonymousAsync(_gateway);
        var events = new EventCollector();
        using var stream = subscriber.Topics.AddStream("?q//", events);
        await subscriber.Topics.SubscribeAsync("?q//");
        Assert.Equal(2, (await events.TakeAsync(2)).Count);

        await subscriber.Topics.UnsubscribeAsync("q/1");
        await publisher.Topics.SetAsync("q/1", 2L);

        Assert.Equal(["unsubscribed q/1 Requested"], await events.TakeAsync(1));
        await events.AssertQuietAsync();
    }
}
