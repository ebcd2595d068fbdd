namespace Topiary.Runtime.Activation;

/// <summary>
/// A timer registered by a grain. Each tick queues one turn in the activation's mailbox (skipped while
/// the previous tick is still queued), so the callback never runs concurrently with calls. Stops when
/// disposed or when the activation deactivates.
/// </summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly GrainActivation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly CancellationTokenSource _stopped = new();
    private readonly ITimer? _timer;
    private int _queued;
    private int _disposed;

    public GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        using (ExecutionContextScope.Suppress())
        {
            _timer = activation.Runtime.TimeProvider.CreateTimer(static state => ((GrainTimer)state!).OnTick(), this, dueTime, period);
        }
    }

    public async Task RunTickAsync(GrainActivation activation)
    {
        Volatile.Write(ref _queued, 0);
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }
        Calls.CallChain.Current = new Calls.CallChain(activation.ChainLink, null);
        try
        {
            await _callback(_stopped.Token);
        }
        catch (Exception ex)
        {
            RuntimeLog.TimerFailed(activation.Logger, ex, activation.ChainLink);
        }
        finally
        {
            Calls.CallChain.Current = null;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _timer?.Dispose(); // null only if disposed by a tick that fired inside the constructor
        _stopped.Cancel();
        _stopped.Dispose();
        _activation.RemoveTimer(this);
    }

    private void OnTick()
    {
        if (Volatile.Read(ref _disposed) != 0 || Interlocked.CompareExchange(ref _queued, 1, 0) != 0)
        {
            return;
        }
        if (!_activation.TryEnqueue(new TimerWorkItem(this)))
        {
            Dispose();
        }
    }
}
