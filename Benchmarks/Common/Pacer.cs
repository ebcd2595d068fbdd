using System.Diagnostics;

namespace Topiary.Benchmarks;

/// <summary>
/// Spreads work evenly over time: <see cref="Due"/> says how many items should have been issued
/// by now at the target rate. Callers issue the difference and sleep a millisecond, so a slow
/// consumer shows up as lower throughput, never as a burst that hides it.
/// </summary>
internal sealed class Pacer(double perSecond)
{
    private readonly long _start = Stopwatch.GetTimestamp();

    /// <summary>Items due since the pacer was created (the first one at once).</summary>
    public long Due => (long)(Stopwatch.GetElapsedTime(_start).TotalSeconds * perSecond) + 1;
}
