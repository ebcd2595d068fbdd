using BenchmarkDotNet.Running;

namespace Topiary.Benchmarks;

/// <summary>Runs the benchmarks named on the command line (see docs/benchmarks.md).</summary>
public static class BenchmarkEntryPoint
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntryPoint).Assembly).Run(args);
}
