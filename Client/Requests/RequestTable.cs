using System.Text.Json;

namespace Topiary.Client.Requests;

/// <summary>
/// Requests in flight by id (protocol §3), with their timeouts (ERR-22). Thread-safe: requests are
/// added by callers' threads, completed by the receive loop, timed out by timers.
/// </summary>
internal sealed class RequestTable(TimeProvider time, TimeSpan timeout)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, PendingRequest> _pending = [];
    private long _lastId;
    private string? _closeReason;

    public TimeSpan Timeout => timeout;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>A new id; ids only grow, so they stay unique among requests in flight (1 … 2^53 in practice).</summary>
    public long NextId() => Interlocked.Increment(ref _lastId);

    /// <summary>Registers <paramref name="request"/> and starts its timeout; fails with SESSION_CLOSED after <see cref="FailAll"/>.</summary>
    public void Add(PendingRequest request)
    {
        lock (_lock)
        {
            if (_closeReason is not null)
            {
                throw ClientErrors.SessionClosed(_closeReason);
            }
            _pending.Add(request.Id, request);
        }
        request.Owner = this;
        request.Timer = time.CreateTimer(static state => TimeOut((PendingRequest)state!), request, timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    private static void TimeOut(PendingRequest request) =>
        request.Owner!.Abandon(request, ClientErrors.Timeout(request.Op, request.Owner.Timeout));

    /// <summary>Completes the request <paramref name="id"/> from its response; false when it is unknown (already timed out or cancelled).</summary>
    public bool TryComplete(long id, JsonElement response)
    {
        PendingRequest? request;
        lock (_lock)
        {
            if (!_pending.Remove(id, out request))
            {
                return false;
            }
        }
        request.Release();
        request.Complete(response);
        return true;
    }

    /// <summary>Removes <paramref name="request"/> and fails it with <paramref name="error"/> (or cancels it for an <see cref="OperationCanceledException"/>).</summary>
    public void Abandon(PendingRequest request, Exception error)
    {
        lock (_lock)
        {
            _pending.Remove(request.Id);
        }
        request.Release();
        if (error is OperationCanceledException canceled)
        {
            request.Cancel(canceled.CancellationToken);
        }
        else
        {
            request.Fail(error);
        }
    }

    /// <summary>
    /// Fails every request in flight with OUTCOME_UNKNOWN (SES-72: they may or may not have been
    /// applied) and makes later <see cref="Add"/> calls fail with SESSION_CLOSED.
    /// </summary>
    public void FailAll(string closeReason)
    {
        PendingRequest[] requests;
        lock (_lock)
        {
            _closeReason ??= closeReason;
            requests = [.. _pending.Values];
            _pending.Clear();
        }
        foreach (var request in requests)
        {
            request.Release();
            request.Fail(ClientErrors.OutcomeUnknown(request.Op, closeReason));
        }
    }
}
