using System.Text;
using Topiary.Gateway.Sessions;
using Topiary.Gateway.Topics;
using Topiary.Gateway.Transport;
using Topiary.Runtime.Messaging;
using Topiary.Tests.Gateway.Transport;
using Topiary.Topics;

namespace Topiary.Tests.Gateway.Topics;

/// <summary>
/// A gateway's view of one topic: subscribe, deliver and unsubscribe (TOP-53), and — the reason
/// these tests exist — no deadlock between the bus delivering an update (which holds the
/// channel's lock) and the topic stopping to follow the channel (which used to hold the topic's
/// lock while it took the channel's).
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class GatewayTopicTests
{
    private const string Path = "a/b";
    private const ulong Epoch = 0xE0;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly InProcessMessageBus _bus = new();

    [Fact]
    public async Task A_session_released_while_a_topic_subscribes_it_is_refused_so_the_topic_keeps_no_dead_subscriber()
    {
        var topic = NewTopic(Snapshot(sequence: 1, "v1"));
        var (live, liveQueue) = NewSession();
        var (released, releasedQueue) = NewSession();
        Assert.Empty(released.Release());

        await topic.SubscribeAsync(released);
        await topic.SubscribeAsync(live);
        await PublishAsync(sequence: 2, "v2");

        Assert.Empty(await DrainAsync(releasedQueue));
        Assert.Equal(["subscribed a/b 1", "value initial 1 v1", "value 2 v2"], await DrainAsync(liveQueue));
        Assert.Equal([topic], live.Release());
    }

    [Fact]
    public async Task TOP_53_subscriber_gets_subscribed_then_the_current_value_then_later_updates_then_unsubscribed()
    {
        var topic = NewTopic(Snapshot(sequence: 3, "v3"));
        var (session, queue) = NewSession();

        await topic.SubscribeAsync(session);
        await PublishAsync(sequence: 3, "stale");
        await PublishAsync(sequence: 4, "v4");
        topic.Unsubscribe(session, "REQUESTED");
        await PublishAsync(sequence: 5, "after");

        Assert.Equal(["subscribed a/b 3", "value initial 3 v3", "value 4 v4", "unsubscribed REQUESTED"], await DrainAsync(queue));
    }

    [Fact]
    public async Task A_topic_followed_again_after_going_idle_delivers_each_update_once()
    {
        var topic = NewTopic(Snapshot(sequence: 1, "v1"));
        var (first, firstQueue) = NewSession();
        var (second, secondQueue) = NewSession();

        await topic.SubscribeAsync(first);
        topic.Unsubscribe(first, "REQUESTED");
        await topic.SubscribeAsync(second);
        await PublishAsync(sequence: 2, "v2");

        Assert.Equal(["subscribed a/b 1", "value initial 1 v1", "unsubscribed REQUESTED"], await DrainAsync(firstQueue));
        Assert.Equal(["subscribed a/b 1", "value initial 1 v1", "value 2 v2"], await DrainAsync(secondQueue));
    }

    [Fact]
    public async Task A_removal_on_the_channel_unsubscribes_with_REMOVED_and_stops_following()
    {
        var topic = NewTopic(Snapshot(sequence: 1, null));
        var (session, queue) = NewSession();

        await topic.SubscribeAsync(session);
        await PublishRemovedAsync();
        await PublishAsync(sequence: 2, "after");

        Assert.Equal(["subscribed a/b 1", "unsubscribed REMOVED"], await DrainAsync(queue));
    }

    [Fact]
    public async Task A_topic_gone_before_its_snapshot_subscribes_nobody()
    {
        var topic = NewTopic(null);
        var (session, queue) = NewSession();

        await topic.SubscribeAsync(session);

        Assert.Empty(await DrainAsync(queue));
    }

    [Fact]
    public async Task ERR_31_last_unsubscribe_during_a_delivery_does_not_deadlock()
    {
        using var blocker = new DeliveryBlocker(_bus, TopicChannel.ForTopic(Path));
        var topic = NewTopic(Snapshot(sequence: 1, "v1"));
        var (session, _) = NewSession();
        await topic.SubscribeAsync(session);

        await blocker.RaceAsync(() => PublishAsync(sequence: 2, "v2"), () => topic.Unsubscribe(session, "REQUESTED"));
    }

    [Fact]
    public async Task ERR_31_retiring_a_topic_during_a_delivery_does_not_deadlock()
    {
        using var blocker = new DeliveryBlocker(_bus, TopicChannel.ForTopic(Path));
        var topic = NewTopic(Snapshot(sequence: 1, "v1"));
        var (session, _) = NewSession();
        await topic.SubscribeAsync(session);

        await blocker.RaceAsync(() => PublishAsync(sequence: 2, "v2"), topic.Retire);
    }

    [Fact]
    public async Task ERR_31_first_subscribe_during_a_delivery_does_not_deadlock()
    {
        // A topic that went idle may still be a handler on the channel until its subscription is
        // disposed; following the channel again must not take the bus's lock under the topic's.
        using var blocker = new DeliveryBlocker(_bus, TopicChannel.ForTopic(Path));
        var topic = NewTopic(Snapshot(sequence: 1, "v1"));
        var (session, _) = NewSession();

        await blocker.RaceAsync(() => PublishAsync(sequence: 2, "v2"), () => topic.SubscribeAsync(session).Wait(Timeout));
    }

    private GatewayTopic NewTopic(TopicSnapshot? snapshot) =>
        new(7, Path, TopicSpecification.Create(TopicType.String), _bus, new SingleGrainFactory(new SnapshotTopicGrain(snapshot)));

    private static TopicSnapshot Snapshot(long sequence, string? value) =>
        new(Path, TopicSpecificationData.From(TopicSpecification.Create(TopicType.String)), Epoch, sequence, value is null ? null : Encoding.UTF8.GetBytes(value));

    private static (ClientSession Session, OutboundQueue Queue) NewSession()
    {
        var queue = new OutboundQueue(1024 * 1024);
        return (new ClientSession("", [], queue, (_, _) => { }), queue);
    }

    private ValueTask PublishAsync(long sequence, string value)
    {
        var payload = Encoding.UTF8.GetBytes(value);
        var message = new byte[TopicBusMessage.HeaderLength + payload.Length];
        var length = TopicBusMessage.Write(message, TopicBusMessageKind.Value, Epoch, sequence, payload, hasValue: true);
        return _bus.PublishAsync(TopicChannel.ForTopic(Path), message.AsMemory(0, length));
    }

    private ValueTask PublishRemovedAsync()
    {
        var message = new byte[TopicBusMessage.HeaderLength];
        var length = TopicBusMessage.Write(message, TopicBusMessageKind.Removed, Epoch, 0, [], hasValue: false);
        return _bus.PublishAsync(TopicChannel.ForTopic(Path), message.AsMemory(0, length));
    }

    // What the session was sent, one line per message: notifications by type, value frames by flags, sequence and text.
    private static async Task<List<string>> DrainAsync(OutboundQueue queue)
    {
        var stream = new RecordingWriteStream();
        queue.Complete([], discardPending: false);
        await queue.RunWriterAsync(stream, CancellationToken.None).WaitAsync(Timeout);
        queue.Dispose();
        var lines = new List<string>();
        foreach (var frame in ServerFrameDecoder.DecodeAll(stream.AllBytes))
        {
            if (frame.Opcode == 0x1)
            {
                var json = System.Text.Json.Nodes.JsonNode.Parse(frame.Payload)!;
                lines.Add((string?)json["type"] == "subscribed"
                    ? $"subscribed {json["path"]} {json["sequence"]}"
                    : $"{json["type"]} {json["reason"]}");
            }
            else
            {
                var body = frame.Payload;
                var initial = (body[1] & 2) != 0 ? "initial " : "";
                lines.Add($"value {initial}{BitConverter.ToInt64(body, 14)} {Encoding.UTF8.GetString(body, 22, body.Length - 22)}");
            }
        }
        return lines;
    }
}
