using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Topiary.Benchmarks.Micro;

/// <summary>
/// Short in-process runs for the micro-benchmarks: enough iterations for a stable median on a
/// shared 2-core machine, few enough that all of them finish in a couple of minutes.
/// </summary>
public sealed class MicroConfig : ManualConfig
{
    public MicroConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(5)
            .WithIterationCount(20));
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
