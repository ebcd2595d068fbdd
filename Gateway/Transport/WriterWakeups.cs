using System.Collections.Concurrent;

namespace Topiary.Gateway.Transport;

/// <summary>
/// Writer loops that one fan-out found parked, woken together by a single thread-pool work item
/// instead of one work item each: an update to N idle connections costs N / <see cref="Capacity"/>
/// thread-pool hops, not N. In the work item each writer runs inline until its write goes
/// asynchronous or it parks again. Batches are pooled, so the steady path allocates nothing.
/// </summary>
/// <remarks>
/// Owned by one producer until <see cref="Dispatch"/>; afterwards by the thread pool, which
/// returns it to the pool. A queue is added only by the producer that claimed its writer's
/// wake-up (<see cref="OutboundQueue.TryEnqueue(ReadOnlySpan{byte}, ref WriterWakeups?)"/>), so
/// every parked writer is woken exactly once.
/// </remarks>
internal sealed class WriterWakeups : IThreadPoolWorkItem
{
    /// <summary>Writers woken by one work item; more go to further work items, which other cores can run.</summary>
    public const int Capacity = 64;

    private static readonly ConcurrentQueue<WriterWakeups> Pool = new();

    private readonly OutboundQueue?[] _queues = new OutboundQueue?[Capacity];
    private int _count;

    /// <summary>Adds <paramref name="queue"/> to <paramref name="batch"/> (renting one if null); a full batch is dispatched.</summary>
    public static void Add(ref WriterWakeups? batch, OutboundQueue queue)
    {
        batch ??= Pool.TryDequeue(out var pooled) ? pooled : new WriterWakeups();
        batch._queues[batch._count++] = queue;
        if (batch._count == Capacity)
        {
            Dispatch(ref batch);
        }
    }

    /// <summary>Hands <paramref name="batch"/>, if any, to the thread pool to wake its writers.</summary>
    public static void Dispatch(ref WriterWakeups? batch)
    {
        if (batch is not null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(batch, preferLocal: false);
            batch = null;
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        for (var i = 0; i < _count; i++)
        {
            var queue = _queues[i]!;
            _queues[i] = null;
            // A writer's failure ends its own task (the connection handles it), never this loop.
            queue.WakeClaimedWriter();
        }
        _count = 0;
        Pool.Enqueue(this);
    }
}
