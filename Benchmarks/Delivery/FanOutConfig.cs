using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Topiary.Benchmarks.Delivery;

/// <summary>
/// A short in-process job for <see cref="FanOutBenchmarks"/>: a fixed, small number of
/// invocations per iteration, so the queues drained after each iteration stay small (they grow
/// once during warm-up and keep their pooled buffers), and enough iterations for a stable
/// median in well under a minute per case.
/// In-process keeps the run free of a per-benchmark build; the host runs Server GC like the gateway.
/// </summary>
public sealed class FanOutConfig : ManualConfig
{
    /// <summary>Benchmark invocations between two drains.</summary>
    public const int InvocationsPerIteration = 16;

    public FanOutConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(InvocationsPerIteration)
            .WithUnrollFactor(1)
            .WithWarmupCount(10)
            .WithIterationCount(100)
            .WithId("fanout"));
        // Two shared cores: the median is the figure least moved by other people's work.
        AddColumn(StatisticColumn.Median);
    }
}
