using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Topiary.Runtime;
using Topiary.Runtime.Hosting;
using Topiary.Runtime.Messaging;
using Topiary.Security;
using Topiary.Serialization;
using Topiary.Topics;

namespace Topiary.Benchmarks.Micro;

/// <summary>
/// Calls into the grain runtime in one process, through the same serialising path the cluster
/// transport will carry (docs/runtime.md): a read (<c>GetSnapshotAsync</c>, the bare cost of a
/// call and its result), and the topic update path (<c>SetAsync</c> on a non-persistent topic:
/// the call, the checks, the next sequence number, the publish on the topic's bus channel with
/// one listener, write-behind so storage is not in the measurement).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MicroConfig))]
public class TopicGrainBenchmarks
{
    private const string Path = "bench/grain";

    private ServiceProvider _services = null!;
    private InProcessSilo _silo = null!;
    private ITopicGrain _topic = null!;
    private IDisposable _listener = null!;
    private TopicValueData _value = null!;
    private long _received;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGrainRuntime(options =>
        {
            options.GrainClasses.AddRange([typeof(TopicGrain), typeof(TopicCatalogGrain), typeof(SystemAuthenticationGrain)]);
            options.SerializerResolvers.Add(GrainsJsonContext.Default);
        });
        _services = services.BuildServiceProvider();
        _silo = _services.GetRequiredService<InProcessSilo>();
        await _silo.StartAsync(CancellationToken.None);
        _listener = _services.GetRequiredService<IMessageBus>().Subscribe(TopicChannel.ForTopic(Path), (_, _) => Interlocked.Increment(ref _received));
        _topic = _silo.GrainFactory.GetGrain<ITopicGrain>(Path);
        var specification = TopicSpecification.Create(TopicType.Int64, new Dictionary<string, string> { ["PERSISTENT"] = "false" });
        _value = new TopicValueData("INT64", TopicValues.Encode(42L).Span.ToArray());
        await _topic.AddAsync(TopicSpecificationData.From(specification), _value);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        // Every accepted value, the first included, reached the bus exactly once.
        var snapshot = await _topic.GetSnapshotAsync() ?? throw new InvalidOperationException("the benchmark topic is gone");
        if (Interlocked.Read(ref _received) != snapshot.Sequence)
        {
            throw new InvalidOperationException($"{_received} bus messages for {snapshot.Sequence} updates");
        }
        _listener.Dispose();
        await _silo.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<TopicSnapshot?> GrainCallRead() => _topic.GetSnapshotAsync();

    [Benchmark]
    public Task<TopicUpdateResult> TopicUpdatePath() => _topic.SetAsync(_value);
}
