namespace Topiary.Benchmarks.Load;

/// <summary>One measured window of <see cref="LoadRun"/>: its edges, the latencies subscribers saw, the gateway's runtime counters (when readable) and the publisher.</summary>
internal sealed record LoadWindow(LoadSample Before, LoadSample After, LatencyHistogram Latencies, Dictionary<string, double>? Sums, LoadPublisher Publisher)
{
    public double Seconds => (After.Time - Before.Time).TotalSeconds;

    public double DeliveredPerSecond => (After.Delivered - Before.Delivered) / Seconds;

    /// <summary>Gateway CPU time (user + system) per delivered message, in microseconds.</summary>
    public double GatewayCpuPerMessage => (After.GatewayCpu - Before.GatewayCpu).TotalMicroseconds / Math.Max(1, After.Delivered - Before.Delivered);
}
