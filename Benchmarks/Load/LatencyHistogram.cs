namespace Topiary.Benchmarks.Load;

/// <summary>
/// End-to-end latencies in microseconds: 1 µs buckets below 10 ms, 1 ms buckets up to 10 s,
/// everything above in the last bucket. Thread-safe and allocation-free to record, so that a
/// thousand receive loops can share one.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int FineLimit = 10_000;
    private const int CoarseStep = 1_000;
    private const int CoarseBuckets = 10_000;

    private readonly long[] _counts = new long[FineLimit + CoarseBuckets + 1];
    private long _max;

    public long Count { get; private set; }

    public void Record(long microseconds)
    {
        var bucket = microseconds < FineLimit
            ? (int)Math.Max(0, microseconds)
            : FineLimit + (int)Math.Min(CoarseBuckets, (microseconds - FineLimit) / CoarseStep);
        Interlocked.Increment(ref _counts[bucket]);
        var max = Volatile.Read(ref _max);
        while (microseconds > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, microseconds, max);
            if (seen == max)
            {
                break;
            }
            max = seen;
        }
    }

    /// <summary>Freezes the counts for reading; call once recording has stopped.</summary>
    public void Seal() => Count = _counts.Sum();

    public long Max => Volatile.Read(ref _max);

    /// <summary>The latency at or below which <paramref name="fraction"/> of the recorded ones lie (upper bucket bound).</summary>
    public long Percentile(double fraction)
    {
        var rank = (long)Math.Ceiling(Count * fraction);
        long seen = 0;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            seen += _counts[bucket];
            if (seen >= rank && seen > 0)
            {
                return bucket < FineLimit ? bucket + 1 : FineLimit + ((long)(bucket - FineLimit + 1) * CoarseStep);
            }
        }
        return 0;
    }
}
