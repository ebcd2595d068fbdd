using System.Collections.Concurrent;

namespace Topiary.Runtime.Calls;

/// <summary>
/// Calls waiting for a response, by call id. A periodic sweep (on the runtime's <see cref="TimeProvider"/>,
/// so tests control it) fails the calls whose deadline passed; a response arriving later finds nothing and
/// is dropped. Sweeping costs one timer per process instead of one per call; a timeout fires up to one
/// sweep interval (a tenth of the timeout, at most a second) late.
/// </summary>
internal sealed class CallRegistry(TimeProvider timeProvider, TimeSpan callTimeout) : IDisposable
{
    private readonly ConcurrentDictionary<long, PendingCall> _calls = new();
    private long _lastCallId;
    private ITimer? _sweeper;

    public TimeSpan CallTimeout { get; } = callTimeout;

    public int Count => _calls.Count;

    public void Start()
    {
        var interval = TimeSpan.FromTicks(Math.Clamp(CallTimeout.Ticks / 10, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond));
        using (ExecutionContextScope.Suppress())
        {
            _sweeper = timeProvider.CreateTimer(static state => ((CallRegistry)state!).Sweep(), this, interval, interval);
        }
    }

    /// <summary>Registers <paramref name="call"/> with a deadline one call timeout from now; returns its id.</summary>
    public long Register(PendingCall call)
    {
        call.Deadline = timeProvider.GetTimestamp() + (long)(CallTimeout.TotalSeconds * timeProvider.TimestampFrequency);
        var callId = Interlocked.Increment(ref _lastCallId);
        _calls[callId] = call;
        return callId;
    }

    /// <summary>Removes and returns the call, or <c>null</c> if it already completed or timed out.</summary>
    public PendingCall? TryTake(long callId) => _calls.TryRemove(callId, out var call) ? call : null;

    /// <summary>Fails every waiting call (shutdown).</summary>
    public void FailAll(Func<Exception> error)
    {
        foreach (var callId in _calls.Keys)
        {
            TryTake(callId)?.Fail(error());
        }
    }

    public void Dispose() => _sweeper?.Dispose();

    private void Sweep()
    {
        var now = timeProvider.GetTimestamp();
        foreach (var (callId, call) in _calls)
        {
            if (call.Deadline <= now && _calls.TryRemove(callId, out _))
            {
                call.Fail(CallErrors.Timeout(CallTimeout));
            }
        }
    }
}
