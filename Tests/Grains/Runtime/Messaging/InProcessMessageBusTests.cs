using System.Text;
using Topiary.Runtime.Messaging;

namespace Topiary.Tests.Grains.Runtime.Messaging;

[Trait("Category", TestCategories.Unit)]
public sealed class InProcessMessageBusTests
{
    [Fact]
    public async Task A_subscriber_receives_payloads_in_publish_order_with_the_channel_name()
    {
        var bus = new InProcessMessageBus();
        var received = new List<string>();
        using var subscription = bus.Subscribe("topic/a", (channel, payload) => received.Add($"{channel}:{Encoding.UTF8.GetString(payload.Span)}"));

        for (var i = 0; i < 1000; i++)
        {
            await bus.PublishAsync("topic/a", Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"topic/a:{i}"), received);
    }

    [Fact]
    public async Task Channels_are_isolated_and_publishing_without_subscribers_is_harmless()
    {
        var bus = new InProcessMessageBus();
        var a = 0;
        using var subscription = bus.Subscribe("a", (_, _) => a++);

        await bus.PublishAsync("b", new byte[] { 1 });
        await bus.PublishAsync("nobody", new byte[] { 1 });
        await bus.PublishAsync("a", new byte[] { 1 });

        Assert.Equal(1, a);
    }

    [Fact]
    public async Task Every_one_of_many_subscribers_receives_every_payload()
    {
        var bus = new InProcessMessageBus();
        var counts = new int[200];
        var subscriptions = Enumerable.Range(0, counts.Length).Select(i => bus.Subscribe("fan", (_, _) => counts[i]++)).ToList();

        for (var i = 0; i < 50; i++)
        {
            await bus.PublishAsync("fan", new byte[] { 1 });
        }

        Assert.All(counts, c => Assert.Equal(50, c));
        subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task A_disposed_subscription_receives_nothing_more_and_disposing_twice_is_harmless()
    {
        var bus = new InProcessMessageBus();
        var first = 0;
        var second = 0;
        var subscription = bus.Subscribe("c", (_, _) => first++);
        using var other = bus.Subscribe("c", (_, _) => second++);
        await bus.PublishAsync("c", new byte[] { 1 });

        subscription.Dispose();
        subscription.Dispose();
        await bus.PublishAsync("c", new byte[] { 1 });

        Assert.Equal((1, 2), (first, second));
    }

    [Fact]
    public async Task Resubscribing_after_the_last_subscriber_left_works()
    {
        var bus = new InProcessMessageBus();
        bus.Subscribe("c", (_, _) => { }).Dispose();
        var received = 0;
        using var subscription = bus.Subscribe("c", (_, _) => received++);

        await bus.PublishAsync("c", new byte[] { 1 });

        Assert.Equal(1, received);
    }

    [Fact]
    public async Task A_throwing_subscriber_does_not_stop_delivery_to_the_others()
    {
        var bus = new InProcessMessageBus();
        var received = 0;
        using var bad = bus.Subscribe("c", (_, _) => throw new InvalidOperationException("bad subscriber"));
        using var good = bus.Subscribe("c", (_, _) => received++);

        await bus.PublishAsync("c", new byte[] { 1 });

        Assert.Equal(1, received);
    }

    [Fact]
    public async Task Concurrent_publishers_give_every_subscriber_the_same_order_and_never_overlap_a_handler()
    {
        var bus = new InProcessMessageBus();
        var first = new List<int>();
        var second = new List<int>();
        var inside = 0;
        var overlapped = false;
        using var a = bus.Subscribe("c", (_, payload) =>
        {
            overlapped |= Interlocked.Increment(ref inside) > 1;
            first.Add(BitConverter.ToInt32(payload.Span));
            Interlocked.Decrement(ref inside);
        });
        using var b = bus.Subscribe("c", (_, payload) => second.Add(BitConverter.ToInt32(payload.Span)));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < 2000; i++)
            {
                await bus.PublishAsync("c", BitConverter.GetBytes((p * 10000) + i));
            }
        })));

        Assert.False(overlapped);
        Assert.Equal(8000, first.Count);
        Assert.Equal(first, second);
        for (var p = 0; p < 4; p++)
        {
            var mine = first.Where(v => v / 10000 == p).ToList();
            Assert.Equal(mine.Order(), mine); // each publisher's own order is kept
        }
    }

    [Fact]
    public async Task Publishing_allocates_nothing()
    {
        var bus = new InProcessMessageBus();
        var received = 0;
        using var subscription = bus.Subscribe("c", (_, _) => received++);
        using var other = bus.Subscribe("c", (_, _) => received++);
        ReadOnlyMemory<byte> payload = new byte[] { 1, 2, 3 };
        await bus.PublishAsync("c", payload); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            await bus.PublishAsync("c", payload); // completes synchronously: same thread, no state machine box
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(20_002, received);
    }
}
