using System.Diagnostics;
using System.Globalization;

namespace Topiary.Benchmarks.Cluster;

/// <summary>Times one operation repeated sequentially and summarises the latencies (mean, p50, p99, max).</summary>
internal sealed class LatencySample(string name, double[] microseconds)
{
    public static async Task<LatencySample> MeasureAsync(string name, int warmup, int count, Func<int, Task> operation)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation(i);
        }
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(warmup + i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(samples);
        return new LatencySample(name, samples);
    }

    public static string Header => $"{"operation",-38} {"n",6} {"mean µs",9} {"p50 µs",9} {"p99 µs",9} {"max µs",9}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{name,-38} {microseconds.Length,6} {microseconds.Average(),9:0} {At(0.50),9:0} {At(0.99),9:0} {microseconds[^1],9:0}");

    private double At(double quantile) => microseconds[Math.Min(microseconds.Length - 1, (int)(quantile * microseconds.Length))];
}
