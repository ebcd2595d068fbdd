using System.Collections.Concurrent;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

/// <summary>
/// A DI singleton shared by the test grains and the test: grains record what happened; the test reads it,
/// and holds gates that grains await to stay busy.
/// </summary>
public sealed class TestProbe
{
    private readonly ConcurrentQueue<string> _events = new();
    private int _maxConcurrency;

    public IReadOnlyList<string> Events => [.. _events];

    /// <summary>Awaited by <c>Hang</c>-style grain methods; completed by the test.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, counters await it in <c>OnDeactivateAsync</c> (a slow deactivation).</summary>
    public TaskCompletionSource? DeactivationGate { get; set; }

    /// <summary>Counters with this key throw from <c>OnActivateAsync</c>.</summary>
    public string? FailActivationOf { get; set; }

    public int MaxConcurrency => Volatile.Read(ref _maxConcurrency);

    public void Record(string text) => _events.Enqueue(text);

    public int Count(string text) => _events.Count(e => e == text);

    public int CountPrefix(string prefix) => _events.Count(e => e.StartsWith(prefix, StringComparison.Ordinal));

    public void ObserveConcurrency(int current)
    {
        int seen;
        while (current > (seen = Volatile.Read(ref _maxConcurrency)) && Interlocked.CompareExchange(ref _maxConcurrency, current, seen) != seen)
        {
        }
    }
}
