using System.Buffers;

namespace Topiary.Gateway.Transport;

/// <summary>
/// The bytes waiting to be written to one connection. Producers copy whole frames in under a
/// short lock; one writer loop swaps the pending buffer with a spare and writes everything
/// queued since the last write in a single call, so a burst of updates costs one send. Two
/// pooled buffers are reused: no allocation per frame on the steady path. Past
/// <c>limit</c> bytes the queue stops accepting and reports overflow: memory never grows
/// without bound because a client reads slowly. An overflowed queue still waits for
/// <see cref="Complete"/>, so the writer is there to send the owner's closing notice.
/// Buffers are rented on first use and given back by <see cref="TrimIfIdle"/> once a queue
/// has been quiet for a sweep, so an idle session holds none (docs/benchmarks.md, W3).
/// </summary>
internal sealed class OutboundQueue(int limit) : IDisposable
{
    private const int InitialBytes = 4 * 1024;

    private readonly Lock _gate = new();
    private readonly AsyncSignal _signal = new();
    private byte[] _pending = [];
    private byte[] _spare = [];
    private int _length;
    private bool _writerWaiting;
    private bool _usedSinceTrim;
    private TaskCompletionSource? _roomWaiter;
    private bool _completed;

    /// <summary>True once the queue overflowed; nothing is accepted afterwards (the writer runs on until <see cref="Complete"/>).</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Queues a prebuilt frame (header included). False when the queue is completed or overflowed.</summary>
    public bool TryEnqueue(ReadOnlySpan<byte> frame)
    {
        lock (_gate)
        {
            if (!Reserve(frame.Length))
            {
                return false;
            }
            frame.CopyTo(_pending.AsSpan(_length));
            _length += frame.Length;
            WakeWriter();
            return true;
        }
    }

    /// <summary>
    /// Queues a prebuilt frame like <see cref="TryEnqueue(ReadOnlySpan{byte})"/>, for a fan-out: a
    /// parked writer is not woken here but added to <paramref name="wakeups"/>, which the caller
    /// dispatches once after the last subscriber, so the fan-out costs no thread-pool hop per
    /// connection.
    /// </summary>
    public bool TryEnqueue(ReadOnlySpan<byte> frame, ref WriterWakeups? wakeups)
    {
        bool claimed;
        lock (_gate)
        {
            if (!Reserve(frame.Length))
            {
                return false;
            }
            frame.CopyTo(_pending.AsSpan(_length));
            _length += frame.Length;
            // Taking the flag claims the one wake-up this wait may get; the batch delivers it.
            claimed = _writerWaiting;
            _writerWaiting = false;
        }
        if (claimed)
        {
            WriterWakeups.Add(ref wakeups, this);
        }
        return true;
    }

    /// <summary>Queues one message, writing its frame header in front of <paramref name="payload"/>.</summary>
    public bool TryEnqueue(WebSocketOpcode opcode, ReadOnlySpan<byte> payload)
    {
        lock (_gate)
        {
            var header = WebSocketFraming.HeaderLength(payload.Length);
            if (!Reserve(header + payload.Length))
            {
                return false;
            }
            WebSocketFraming.WriteHeader(_pending.AsSpan(_length), opcode, payload.Length);
            payload.CopyTo(_pending.AsSpan(_length + header));
            _length += header + payload.Length;
            WakeWriter();
            return true;
        }
    }

    /// <summary>
    /// Completes once no more than half the limit waits to be written — the writer has taken what
    /// was queued — or at once when the queue is completed or overflowed (enqueues then fail
    /// anyway). Lets a producer of a large burst, such as a subscription's initial values, pace
    /// itself by the client's reading instead of overflowing the queue. One waiter at a time (a
    /// session handles one request at a time).
    /// </summary>
    public Task WaitForRoomAsync()
    {
        lock (_gate)
        {
            if (HasRoom())
            {
                return Task.CompletedTask;
            }
            _roomWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _roomWaiter.Task;
        }
    }

    /// <summary>
    /// Stops accepting. <paramref name="finalFrames"/> (a notice and a close frame, say) are
    /// queued last, past the limit if need be; the writer loop ends once they are written.
    /// With <paramref name="discardPending"/> what was queued before is dropped first (the
    /// client overflowed its queue, or is gone).
    /// </summary>
    public void Complete(ReadOnlySpan<byte> finalFrames, bool discardPending)
    {
        lock (_gate)
        {
            if (discardPending)
            {
                _length = 0;
            }
            if (!_completed || discardPending)
            {
                if (_length + finalFrames.Length > _pending.Length)
                {
                    Grow(_length + finalFrames.Length);
                }
                finalFrames.CopyTo(_pending.AsSpan(_length));
                _length += finalFrames.Length;
            }
            _completed = true;
            ReleaseRoomWaiter();
            WakeWriter();
        }
    }

    /// <summary>Writes queued bytes to <paramref name="stream"/> until <see cref="Complete"/> and the queue is drained.</summary>
    public async Task RunWriterAsync(Stream stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            byte[] batch;
            int length;
            ValueTask wait = default;
            var mustWait = false;
            lock (_gate)
            {
                length = _length;
                if (length == 0)
                {
                    if (_completed)
                    {
                        return;
                    }
                    // Reset the signal while holding the lock, so a producer's Set cannot be lost.
                    wait = _signal.WaitAsync();
                    _writerWaiting = true;
                    mustWait = true;
                    batch = [];
                }
                else
                {
                    batch = _pending;
                    (_pending, _spare) = (_spare, _pending);
                    _length = 0;
                    ReleaseRoomWaiter();
                }
            }
            if (mustWait)
            {
                await wait;
                continue;
            }
            await stream.WriteAsync(batch.AsMemory(0, length), cancellationToken);
        }
    }

    /// <summary>Runs the writer whose wake-up a fan-out claimed, on this thread (see <see cref="WriterWakeups"/>).</summary>
    internal void WakeClaimedWriter() => _signal.SetInline();

    /// <summary>Bytes of pooled buffer this queue holds now (for tests and diagnostics).</summary>
    internal int HeldBytes
    {
        get
        {
            lock (_gate)
            {
                return _pending.Length + _spare.Length;
            }
        }
    }

    /// <summary>
    /// Gives both buffers back to the pool when nothing was queued since the previous call and
    /// the writer is parked (so no write is reading them). Called by a periodic sweep; a queue
    /// busy between two sweeps keeps its buffers, so the fan-out never rents on the steady path.
    /// </summary>
    public void TrimIfIdle()
    {
        lock (_gate)
        {
            if (!_usedSinceTrim && _writerWaiting && _length == 0 && !_completed)
            {
                PooledBuffer.Release(ref _pending);
                PooledBuffer.Release(ref _spare);
            }
            _usedSinceTrim = false;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            PooledBuffer.Release(ref _pending);
            PooledBuffer.Release(ref _spare);
        }
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(needed);
        _pending.AsSpan(0, _length).CopyTo(larger);
        PooledBuffer.Release(ref _pending);
        _pending = larger;
    }

    private bool Reserve(int bytes)
    {
        if (_completed || Overflowed)
        {
            return false;
        }
        _usedSinceTrim = true;
        var needed = _length + bytes;
        if (needed > limit)
        {
            // Not completed: the writer must stay until the owner, told of the overflow, queues
            // its final frames with Complete (ending it here would lose the closing notice).
            Overflowed = true;
            _length = 0;
            ReleaseRoomWaiter();
            return false;
        }
        if (needed > _pending.Length)
        {
            Grow(Math.Min(limit, Math.Max(Math.Max(needed, InitialBytes), _pending.Length * 2)));
        }
        return true;
    }

    // Lock must be held.
    private bool HasRoom() => _length <= limit / 2 || _completed || Overflowed;

    // Lock must be held. The waiter's continuation runs elsewhere (RunContinuationsAsynchronously).
    private void ReleaseRoomWaiter()
    {
        if (_roomWaiter is { } waiter && HasRoom())
        {
            _roomWaiter = null;
            waiter.SetResult();
        }
    }

    private void WakeWriter()
    {
        if (_writerWaiting)
        {
            _writerWaiting = false;
            _signal.Set();
        }
    }
}
