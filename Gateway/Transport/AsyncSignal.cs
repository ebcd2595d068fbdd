using System.Threading.Tasks.Sources;

namespace Topiary.Gateway.Transport;

/// <summary>
/// A reusable, allocation-free wake-up for one waiter (a connection's writer loop).
/// <see cref="Set"/> must be called at most once per <see cref="WaitAsync"/>; the owner
/// guarantees that under its own lock. Continuations run on the thread pool, never inline
/// in the thread that calls <see cref="Set"/> (a publisher must not end up writing sockets).
/// </summary>
internal sealed class AsyncSignal : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };

    /// <summary>Waits for the next <see cref="Set"/>.</summary>
    public ValueTask WaitAsync()
    {
        _core.Reset();
        return new ValueTask(this, _core.Version);
    }

    /// <summary>Wakes the waiter.</summary>
    public void Set() => _core.SetResult(true);

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
