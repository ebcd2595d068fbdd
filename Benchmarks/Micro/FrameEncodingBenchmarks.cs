using BenchmarkDotNet.Attributes;
using Topiary.Gateway.Protocol;
using Topiary.Topics;

namespace Topiary.Benchmarks.Micro;

/// <summary>
/// Encoding what a subscriber receives: the binary value frame of docs/protocol.md §5 (built
/// once per update by the fan-out), and the JSON <c>subscribed</c> notification (once per topic
/// per subscription), into reused buffers.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MicroConfig))]
public class FrameEncodingBenchmarks
{
    private readonly byte[] _frame = new byte[ValueFrame.FrameLength(64 * 1024)];
    private readonly TopicSpecification _specification = TopicSpecification.Create(TopicType.Json, new Dictionary<string, string> { ["PERSISTENT"] = "false" });
    private byte[] _payload = [];

    /// <summary>Bytes of the topic value.</summary>
    [Params(8, 256, 4096)]
    public int ValueBytes { get; set; }

    [GlobalSetup]
    public void Setup() => _payload = new byte[ValueBytes];

    [Benchmark(Baseline = true)]
    public int ValueFrameWithWebSocketHeader() => ValueFrame.Write(_frame, 0, 42, 0x9d1c33f0a3b2e001, 123_456, _payload);

    [Benchmark]
    public int SubscribedNotification() => Messages.Subscribed(42, "prices/fx/EURUSD/bid", _specification, 0x9d1c33f0a3b2e001, 123_456).Length;
}
