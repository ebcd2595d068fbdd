using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Sessions;
using Topiary.Gateway.Topics;
using Topiary.Gateway.Transport;
using Topiary.Runtime.Messaging;
using Topiary.Topics;

namespace Topiary.Benchmarks.Delivery;

/// <summary>
/// One update delivered to every subscriber of a topic, per delivery, on the publisher's
/// thread: Topiary's real path (bus → <see cref="GatewayTopic"/> → <see cref="ClientSession"/>
/// → <see cref="OutboundQueue"/>, the frame built once) against the naive one (per subscriber:
/// encode the frame and allocate it). Every invocation makes exactly
/// <see cref="DeliveriesPerInvoke"/> deliveries (1 update to 1,000 subscribers, or 10 updates to
/// 100), so the reported time and allocation are per delivery. Writers are not running: the
/// wake-up and the socket write are measured by <c>socket</c> (docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FanOutConfig))]
public class FanOutBenchmarks
{
    private const int DeliveriesPerInvoke = 1000;
    private const string Path = "bench/fanout";
    private const ulong Epoch = 0x9d1c33f0a3b2e001;

    private readonly InProcessMessageBus _bus = new();
    private readonly string _channel = TopicChannel.ForTopic(Path);
    private ClientSession[] _sessions = [];
    private NaiveOutbox[] _outboxes = [];
    private byte[] _busMessage = [];
    private byte[] _value = [];
    private long _sequence;
    private long _updatesSinceDrain;
    private long _naiveUpdatesSinceDrain;

    /// <summary>Sessions subscribed to the topic.</summary>
    [Params(100, 1000)]
    public int Subscribers { get; set; }

    /// <summary>Bytes of the topic value (8 = an INT64 or DOUBLE).</summary>
    [Params(8, 256)]
    public int ValueBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _value = new byte[ValueBytes];
        _busMessage = new byte[TopicBusMessage.HeaderLength + ValueBytes];
        var specification = TopicSpecification.Create(TopicType.Binary, new Dictionary<string, string> { ["PERSISTENT"] = "false" });
        var snapshot = new TopicSnapshot(Path, TopicSpecificationData.From(specification), Epoch, 0, null);
        var topic = new GatewayTopic(1, Path, specification, _bus, new SnapshotGrainFactory(snapshot));
        _sessions = new ClientSession[Subscribers];
        _outboxes = new NaiveOutbox[Subscribers];
        for (var i = 0; i < Subscribers; i++)
        {
            _sessions[i] = new ClientSession("", [], new OutboundQueue(16 * 1024 * 1024),
                static (_, _) => throw new InvalidOperationException("a benchmark queue overflowed"));
            topic.SubscribeAsync(_sessions[i]).GetAwaiter().GetResult();
            QueueDrain.Drain(_sessions[i].Outbound);
            _outboxes[i] = new NaiveOutbox();
        }
    }

    /// <summary>Per subscriber: a frame of its own, encoded and allocated for that delivery.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = DeliveriesPerInvoke)]
    public void NaivePerSubscriber()
    {
        var outboxes = _outboxes;
        for (var update = DeliveriesPerInvoke / outboxes.Length; update > 0; update--)
        {
            var sequence = ++_sequence;
            BinaryPrimitives.WriteInt64LittleEndian(_value, sequence);
            for (var i = 0; i < outboxes.Length; i++)
            {
                var frame = new byte[ValueFrame.FrameLength(_value.Length)];
                // Naive servers number topics per connection, which is what forces a frame per subscriber.
                ValueFrame.Write(frame, 0, (uint)i + 1, Epoch, sequence, _value);
                outboxes[i].Enqueue(frame);
            }
            _naiveUpdatesSinceDrain++;
        }
    }

    /// <summary>The gateway's path: the topic's channel message in, one frame built, copied into every queue.</summary>
    [Benchmark(OperationsPerInvoke = DeliveriesPerInvoke)]
    public void TopiaryFrameOnce()
    {
        for (var update = DeliveriesPerInvoke / _sessions.Length; update > 0; update--)
        {
            var sequence = ++_sequence;
            BinaryPrimitives.WriteInt64LittleEndian(_value, sequence);
            var length = TopicBusMessage.Write(_busMessage, TopicBusMessageKind.Value, Epoch, sequence, _value, hasValue: true);
            // The in-process bus delivers synchronously: the fan-out is done when this returns.
            var published = _bus.PublishAsync(_channel, _busMessage.AsMemory(0, length));
            if (!published.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("the in-process bus was expected to deliver synchronously");
            }
            _updatesSinceDrain++;
        }
    }

    [IterationCleanup]
    public void Drain()
    {
        var frameLength = ValueFrame.FrameLength(ValueBytes);
        foreach (var session in _sessions)
        {
            if (_updatesSinceDrain > 0)
            {
                Check(QueueDrain.Drain(session.Outbound), _updatesSinceDrain * frameLength);
            }
        }
        foreach (var outbox in _outboxes)
        {
            Check(outbox.Clear(), _naiveUpdatesSinceDrain * frameLength);
        }
        _updatesSinceDrain = 0;
        _naiveUpdatesSinceDrain = 0;
    }

    // Every subscriber must have received every update: a faster path that delivers less is not faster.
    private static void Check(long actual, long expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"a subscriber received {actual} bytes, expected {expected}");
        }
    }
}
