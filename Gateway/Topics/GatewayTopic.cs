using System.Buffers;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Sessions;
using Topiary.Gateway.Transport;
using Topiary.Runtime;
using Topiary.Runtime.Messaging;
using Topiary.Topics;

namespace Topiary.Gateway.Topics;

/// <summary>
/// One topic as this gateway serves it: its local subscribers and, while any exist, the
/// topic's channel followed with the latest position and value cached. Subscribing a session
/// and delivering an update happen under one lock, so a new subscriber gets SUBSCRIBED and
/// the cached value, then exactly the updates after it — never a gap or a duplicate (TOP-53).
/// An update's frame is built once and copied to every subscriber's queue.
/// </summary>
/// <remarks>
/// Lock order: the bus delivers under its channel lock and then takes <c>_gate</c>, so this
/// class never subscribes to or unsubscribes from the bus while holding <c>_gate</c> (that
/// would deadlock against a delivery in progress). Each following of the channel has a
/// generation; deliveries through an older, not yet disposed subscription are ignored.
/// </remarks>
internal sealed class GatewayTopic(uint id, string path, TopicSpecification specification, IMessageBus bus, IGrainFactory grains)
{
    private readonly Lock _gate = new();
    private ClientSession[] _subscribers = [];
    private GatewayTopicState _state;
    private Task? _loading;
    private IDisposable? _channel;
    private long _generation;
    private List<byte[]>? _buffered;
    private ulong _epoch;
    private long _sequence;
    private byte[] _value = [];
    private int _valueLength = -1;

    public uint Id { get; } = id;

    public string Path { get; } = path;

    public TopicSpecification Specification { get; } = specification;

    /// <summary>Subscribes <paramref name="session"/> unless it already is or the topic is gone.</summary>
    public async Task SubscribeAsync(ClientSession session)
    {
        await EnsureLiveAsync();
        Subscribe(session);
    }

    /// <summary>
    /// For a topic that was just added (nothing published yet): follow its channel from
    /// sequence 0 without asking for a snapshot, subscribe the sessions that already select it,
    /// so they receive its first value too. Stops following again when none does.
    /// </summary>
    public void FollowFromStart(ulong epoch, IEnumerable<ClientSession> sessions)
    {
        long generation;
        lock (_gate)
        {
            if (_state != GatewayTopicState.Idle)
            {
                return;
            }
            generation = ++_generation;
            _epoch = epoch;
            _sequence = 0;
            _valueLength = -1;
            _state = GatewayTopicState.Live;
        }
        // Outside _gate (see the lock order in the remarks). Nothing can be published before this
        // returns: the topic publishes its first value only after its tree event was delivered.
        IDisposable? subscription = bus.Subscribe(TopicChannel.ForTopic(Path), (_, payload) => OnChannelMessage(generation, payload));
        lock (_gate)
        {
            if (_generation == generation)
            {
                _channel = subscription;
                subscription = null;
                foreach (var session in sessions)
                {
                    Subscribe(session);
                }
                if (_subscribers.Length == 0)
                {
                    subscription = StopFollowing(GatewayTopicState.Idle);
                }
            }
        }
        subscription?.Dispose();
    }

    private void Subscribe(ClientSession session)
    {
        lock (_gate)
        {
            if (_state != GatewayTopicState.Live || Array.IndexOf(_subscribers, session) >= 0)
            {
                return;
            }
            if (!session.Track(this, subscribed: true))
            {
                return;
            }
            _subscribers = [.. _subscribers, session];
            session.SendText(Messages.Subscribed(Id, Path, Specification, _epoch, _sequence));
            if (_valueLength >= 0)
            {
                SendInitialValue(session);
            }
        }
    }

    /// <summary>Unsubscribes with a reason sent to the client; null reason = silently (the session is closing).</summary>
    public void Unsubscribe(ClientSession session, string? reason)
    {
        IDisposable? channel = null;
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, session);
            if (index < 0)
            {
                return;
            }
            _subscribers = [.. _subscribers.AsSpan(0, index), .. _subscribers.AsSpan(index + 1)];
            session.Track(this, subscribed: false);
            if (reason is not null)
            {
                session.SendText(Messages.Unsubscribed(Id, Path, reason));
            }
            if (_subscribers.Length == 0 && _state == GatewayTopicState.Live)
            {
                channel = StopFollowing(GatewayTopicState.Idle);
            }
        }
        channel?.Dispose();
    }

    /// <summary>The topic left the catalog: every remaining subscriber is told REMOVED.</summary>
    public void Retire()
    {
        IDisposable? channel;
        lock (_gate)
        {
            UnsubscribeAll("REMOVED");
            channel = StopFollowing(GatewayTopicState.Removed);
        }
        channel?.Dispose();
    }

    private async Task EnsureLiveAsync()
    {
        Task loading;
        TaskCompletionSource? start = null;
        long generation = 0;
        lock (_gate)
        {
            if (_state is GatewayTopicState.Live or GatewayTopicState.Removed)
            {
                return;
            }
            if (_state == GatewayTopicState.Idle)
            {
                _state = GatewayTopicState.Loading;
                _buffered = [];
                generation = ++_generation;
                start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _loading = start.Task;
            }
            loading = _loading!;
        }
        if (start is not null)
        {
            // Outside _gate (see the lock order in the remarks).
            try
            {
                await FollowAndLoadAsync(generation);
                start.SetResult();
            }
            catch (Exception exception)
            {
                start.SetException(exception);
            }
        }
        await loading;
    }

    private async Task FollowAndLoadAsync(long generation)
    {
        // Follow the channel before asking for the snapshot: whatever is published after the
        // snapshot is then certain to arrive, and older messages are recognised by sequence.
        IDisposable? subscription = bus.Subscribe(TopicChannel.ForTopic(Path), (_, payload) => OnChannelMessage(generation, payload));
        lock (_gate)
        {
            if (_generation == generation)
            {
                _channel = subscription;
                subscription = null;
            }
        }
        if (subscription is not null)
        {
            // Retired while subscribing: nothing to load.
            subscription.Dispose();
            return;
        }
        TopicSnapshot? snapshot;
        try
        {
            snapshot = await grains.GetGrain<ITopicGrain>(Path).GetSnapshotAsync();
        }
        catch
        {
            lock (_gate)
            {
                subscription = _generation == generation ? StopFollowing(GatewayTopicState.Idle) : null;
            }
            subscription?.Dispose();
            throw;
        }
        lock (_gate)
        {
            subscription = _generation == generation ? GoLive(snapshot) : null;
        }
        subscription?.Dispose();
    }

    // Under _gate, state Loading: applies the snapshot and what was buffered meanwhile. Returns
    // a subscription to dispose once _gate is released when the topic turned out to be gone.
    private IDisposable? GoLive(TopicSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return StopFollowing(GatewayTopicState.Removed);
        }
        _epoch = snapshot.Epoch;
        _sequence = snapshot.Sequence;
        _valueLength = -1;
        if (snapshot.Value is not null)
        {
            CacheValue(snapshot.Value);
        }
        var buffered = _buffered!;
        _buffered = null;
        _state = GatewayTopicState.Live;
        foreach (var message in buffered)
        {
            if (Apply(message) is { } stopped)
            {
                return stopped;
            }
        }
        return null;
    }

    private void OnChannelMessage(long generation, ReadOnlyMemory<byte> payload)
    {
        IDisposable? stopped = null;
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }
            if (_state == GatewayTopicState.Loading)
            {
                _buffered!.Add(payload.ToArray());
            }
            else if (_state == GatewayTopicState.Live)
            {
                stopped = Apply(payload.Span);
            }
        }
        // On the delivering thread, which already holds the channel's lock: disposing re-enters it.
        stopped?.Dispose();
    }

    // Under _gate, state Live. Returns the subscription to dispose (outside _gate) when the
    // message says the topic was removed.
    private IDisposable? Apply(ReadOnlySpan<byte> payload)
    {
        if (!TopicBusMessage.TryRead(payload, out var message) || message.Epoch != _epoch)
        {
            return null;
        }
        if (message.Kind == TopicBusMessageKind.Removed)
        {
            UnsubscribeAll("REMOVED");
            return StopFollowing(GatewayTopicState.Removed);
        }
        if (message.Kind != TopicBusMessageKind.Value || message.Sequence <= _sequence)
        {
            return null;
        }
        _sequence = message.Sequence;
        if (message.HasValue)
        {
            CacheValue(message.Payload);
        }
        else
        {
            _valueLength = -1;
        }
        FanOut(message.HasValue ? (byte)0 : ValueFrame.FlagNoValue, message.Payload);
        return null;
    }

    private void FanOut(byte flags, ReadOnlySpan<byte> payload)
    {
        var subscribers = _subscribers;
        if (subscribers.Length == 0)
        {
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(ValueFrame.FrameLength(payload.Length));
        var length = ValueFrame.Write(buffer, flags, Id, _epoch, _sequence, payload);
        var frame = buffer.AsSpan(0, length);
        WriterWakeups? wakeups = null;
        foreach (var session in subscribers)
        {
            session.SendFrame(frame, ref wakeups);
        }
        // One thread-pool hop wakes the writers this update found idle, not one hop per subscriber.
        WriterWakeups.Dispatch(ref wakeups);
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private void SendInitialValue(ClientSession session)
    {
        var payload = _value.AsSpan(0, _valueLength);
        var buffer = ArrayPool<byte>.Shared.Rent(ValueFrame.FrameLength(payload.Length));
        var length = ValueFrame.Write(buffer, ValueFrame.FlagInitial, Id, _epoch, _sequence, payload);
        session.SendFrame(buffer.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(buffer);
    }

    // Keeps a copy of the latest value for new subscribers, reusing one buffer.
    private void CacheValue(ReadOnlySpan<byte> value)
    {
        if (Specification.DontRetainValue)
        {
            return;
        }
        if (_value.Length < value.Length)
        {
            _value = new byte[Math.Max(value.Length, _value.Length * 2)];
        }
        value.CopyTo(_value);
        _valueLength = value.Length;
    }

    private void UnsubscribeAll(string reason)
    {
        foreach (var session in _subscribers)
        {
            session.Track(this, subscribed: false);
            session.SendText(Messages.Unsubscribed(Id, Path, reason));
        }
        _subscribers = [];
    }

    // Under _gate. Deliveries of the current generation stop here; the subscription itself is
    // returned for the caller to dispose once _gate is released (see the lock order).
    private IDisposable? StopFollowing(GatewayTopicState next)
    {
        var channel = _channel;
        _channel = null;
        _generation++;
        _buffered = null;
        _valueLength = -1;
        _state = next;
        return channel;
    }
}
