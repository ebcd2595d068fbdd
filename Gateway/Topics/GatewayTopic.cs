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
internal sealed class GatewayTopic(uint id, string path, TopicSpecification specification, IMessageBus bus, IGrainFactory grains)
{
    private readonly Lock _gate = new();
    private ClientSession[] _subscribers = [];
    private GatewayTopicState _state;
    private Task? _loading;
    private IDisposable? _channel;
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
        lock (_gate)
        {
            if (_state != GatewayTopicState.Idle)
            {
                return;
            }
            _epoch = epoch;
            _sequence = 0;
            _valueLength = -1;
            _state = GatewayTopicState.Live;
            _channel = bus.Subscribe(TopicChannel.ForTopic(Path), OnChannelMessage);
            foreach (var session in sessions)
            {
                Subscribe(session);
            }
            if (_subscribers.Length == 0)
            {
                StopFollowing(GatewayTopicState.Idle);
            }
        }
    }

    private void Subscribe(ClientSession session)
    {
        lock (_gate)
        {
            if (_state != GatewayTopicState.Live || Array.IndexOf(_subscribers, session) >= 0)
            {
                return;
            }
            _subscribers = [.. _subscribers, session];
            session.Track(this, subscribed: true);
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
                StopFollowing(GatewayTopicState.Idle);
            }
        }
    }

    /// <summary>The topic left the catalog: every remaining subscriber is told REMOVED.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            UnsubscribeAll("REMOVED");
            StopFollowing(GatewayTopicState.Removed);
        }
    }

    private async Task EnsureLiveAsync()
    {
        Task loading;
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
                // Follow the channel before asking for the snapshot: whatever is published after
                // the snapshot is then certain to arrive, and older messages are recognised by sequence.
                _channel = bus.Subscribe(TopicChannel.ForTopic(Path), OnChannelMessage);
                _loading = LoadAsync();
            }
            loading = _loading!;
        }
        await loading;
    }

    private async Task LoadAsync()
    {
        TopicSnapshot? snapshot;
        try
        {
            snapshot = await grains.GetGrain<ITopicGrain>(Path).GetSnapshotAsync();
        }
        catch
        {
            lock (_gate)
            {
                StopFollowing(GatewayTopicState.Idle);
            }
            throw;
        }
        lock (_gate)
        {
            if (snapshot is null)
            {
                StopFollowing(GatewayTopicState.Removed);
                return;
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
                Apply(message);
            }
        }
    }

    private void OnChannelMessage(string channel, ReadOnlyMemory<byte> payload)
    {
        lock (_gate)
        {
            if (_state == GatewayTopicState.Loading)
            {
                _buffered!.Add(payload.ToArray());
            }
            else if (_state == GatewayTopicState.Live)
            {
                Apply(payload.Span);
            }
        }
    }

    // Under _gate, state Live.
    private void Apply(ReadOnlySpan<byte> payload)
    {
        if (!TopicBusMessage.TryRead(payload, out var message) || message.Epoch != _epoch)
        {
            return;
        }
        if (message.Kind == TopicBusMessageKind.Removed)
        {
            UnsubscribeAll("REMOVED");
            StopFollowing(GatewayTopicState.Removed);
            return;
        }
        if (message.Kind != TopicBusMessageKind.Value || message.Sequence <= _sequence)
        {
            return;
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

    private void StopFollowing(GatewayTopicState next)
    {
        _channel?.Dispose();
        _channel = null;
        _buffered = null;
        _valueLength = -1;
        _state = next;
    }
}
