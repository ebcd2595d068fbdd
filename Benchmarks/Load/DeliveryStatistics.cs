using System.Diagnostics;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// What the subscribers received, shared by all of them: a running count of value frames, and
/// the latencies of updates published inside the measurement window (the publisher stamps each
/// value with <see cref="Stopwatch.GetTimestamp"/>; publisher and subscribers share the clock).
/// </summary>
internal sealed class DeliveryStatistics
{
    private long _delivered;
    private long _initialValues;
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;

    private LatencyHistogram _latencies = new();

    /// <summary>The latencies of the current (or last) window.</summary>
    public LatencyHistogram Latencies => Volatile.Read(ref _latencies);

    public long Delivered => Volatile.Read(ref _delivered);

    /// <summary>Current values received when subscribing (not counted in <see cref="Delivered"/>).</summary>
    public long InitialValues => Volatile.Read(ref _initialValues);

    public void RecordInitial() => Interlocked.Increment(ref _initialValues);

    /// <summary>Updates published from now on are timed, into a fresh <see cref="Latencies"/>.</summary>
    public void OpenWindow()
    {
        Volatile.Write(ref _latencies, new LatencyHistogram());
        Volatile.Write(ref _windowEnd, long.MaxValue);
        Volatile.Write(ref _windowStart, Stopwatch.GetTimestamp());
    }

    /// <summary>Updates published from now on are not timed.</summary>
    public void CloseWindow() => Volatile.Write(ref _windowEnd, Stopwatch.GetTimestamp());

    /// <summary>Whether an update published at <paramref name="publishedAt"/> belongs to the window.</summary>
    public bool InWindow(long publishedAt) => publishedAt >= Volatile.Read(ref _windowStart) && publishedAt < Volatile.Read(ref _windowEnd);

    public void Record(long publishedAt)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _delivered);
        if (InWindow(publishedAt))
        {
            Latencies.Record((long)Stopwatch.GetElapsedTime(publishedAt, now).TotalMicroseconds);
        }
    }
}
