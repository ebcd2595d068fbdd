using System.Threading.Tasks.Sources;

namespace Topiary.Gateway.Transport;

/// <summary>
/// A reusable, allocation-free wake-up for one waiter (a connection's writer loop).
/// <see cref="Set"/> or <see cref="SetInline"/> must be called at most once per
/// <see cref="WaitAsync"/>; the owner guarantees that under its own lock. After
/// <see cref="Set"/> the continuation runs on the thread pool, never inline in the thread that
/// calls it (a publisher must not end up writing sockets); <see cref="SetInline"/> is for a
/// thread-pool work item that wakes writers on purpose (<see cref="WriterWakeups"/>).
/// </summary>
internal sealed class AsyncSignal : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };

    /// <summary>Waits for the next <see cref="Set"/>.</summary>
    public ValueTask WaitAsync()
    {
        _core.Reset();
        // Back to the safe default for every wait: only a SetInline for this very wait runs it inline.
        _core.RunContinuationsAsynchronously = true;
        return new ValueTask(this, _core.Version);
    }

    /// <summary>Wakes the waiter on the thread pool.</summary>
    public void Set() => _core.SetResult(true);

    /// <summary>
    /// Wakes the waiter on the calling thread: its continuation runs before this returns (unless
    /// it has not started awaiting yet, in which case it simply does not wait).
    /// </summary>
    public void SetInline()
    {
        _core.RunContinuationsAsynchronously = false;
        _core.SetResult(true);
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
