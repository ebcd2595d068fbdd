using Topiary.Errors;
using Topiary.Tests.Grains.Runtime.TestGrains;

namespace Topiary.Tests.Grains.Runtime.Activation;

[Trait("Category", TestCategories.Unit)]
public sealed class ObserverTests
{
    [Fact]
    public async Task A_grain_calls_an_observer_through_its_reference()
    {
        await using var silo = await TestSilo.StartAsync();
        var observer = new RecordingObserver();
        var room = silo.Factory.GetGrain<IChatRoomGrain>("room");
        await room.Join(silo.Factory.CreateObjectReference<IChatObserver>(observer));

        await room.Say("hello");
        await room.Say("world");

        Assert.Equal(["hello", "world"], observer.Messages);
    }

    [Fact]
    public async Task Observer_calls_run_one_at_a_time_in_the_order_they_were_sent()
    {
        await using var silo = await TestSilo.StartAsync();
        var observer = new RecordingObserver();
        var room = silo.Factory.GetGrain<IChatRoomGrain>("room");
        await room.Join(silo.Factory.CreateObjectReference<IChatObserver>(observer));

        await room.SayMany(100);

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"m{i}"), observer.Messages);
        Assert.Equal(1, observer.MaxConcurrency);
    }

    [Fact]
    public async Task Calls_to_a_deleted_observer_fail_with_NOT_FOUND()
    {
        await using var silo = await TestSilo.StartAsync();
        var kept = new RecordingObserver();
        var deleted = new RecordingObserver();
        var room = silo.Factory.GetGrain<IChatRoomGrain>("room");
        var deletedReference = silo.Factory.CreateObjectReference<IChatObserver>(deleted);
        await room.Join(silo.Factory.CreateObjectReference<IChatObserver>(kept));
        await room.Join(deletedReference);

        silo.Factory.DeleteObjectReference(deletedReference);

        Assert.Equal(1, await room.Say("after delete")); // one member was gone, and dropped by the grain
        Assert.Equal(["after delete"], kept.Messages);
        Assert.Empty(deleted.Messages);
        var direct = await Assert.ThrowsAsync<TopiaryStateException>(() => deletedReference.Receive("direct"));
        Assert.Equal(ErrorCode.NotFound, direct.Code);
    }

    [Fact]
    public async Task CreateObjectReference_needs_the_observer_interface()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => silo.Factory.CreateObjectReference(new RecordingObserver()));

        Assert.Contains("CreateObjectReference<IMyObserver>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_not_created_here_cannot_be_deleted()
    {
        await using var silo = await TestSilo.StartAsync();

        Assert.Throws<ArgumentException>(() => silo.Factory.DeleteObjectReference<IChatObserver>(new RecordingObserver()));
    }

    private sealed class RecordingObserver : IChatObserver
    {
        private readonly List<string> _messages = [];
        private int _inside;

        public int MaxConcurrency { get; private set; }

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public async Task Receive(string message)
        {
            MaxConcurrency = Math.Max(MaxConcurrency, Interlocked.Increment(ref _inside));
            await Task.Yield();
            lock (_messages)
            {
                _messages.Add(message);
            }
            Interlocked.Decrement(ref _inside);
        }
    }
}
