namespace Topiary.Runtime.Activation;

/// <summary>
/// A FIFO of work processed one item at a time: the turn-based execution of grain activations and
/// observers. Enqueueing never runs work on the caller's thread; the first item schedules a drain loop
/// on the thread pool (without flowing the enqueuer's execution context), which awaits each item
/// before taking the next and ends when the queue is empty.
/// </summary>
internal abstract class Mailbox<TItem> : IThreadPoolWorkItem
    where TItem : class
{
    private readonly Lock _gate = new();
    private readonly Queue<TItem> _queue = new();
    private bool _running;
    private bool _closed;

    /// <summary>Whether an item is being processed or waiting (the drain loop is scheduled or running).</summary>
    public bool IsBusy
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Whether any item waiting behind the one being processed matches <paramref name="predicate"/>.</summary>
    protected bool AnyQueued(Func<TItem, bool> predicate)
    {
        lock (_gate)
        {
            foreach (var item in _queue)
            {
                if (predicate(item))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>Queues <paramref name="item"/>; <c>false</c> once the mailbox is closed.</summary>
    public bool TryEnqueue(TItem item)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }
            _queue.Enqueue(item);
            if (_running)
            {
                return true;
            }
            _running = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    void IThreadPoolWorkItem.Execute() => _ = DrainAsync();

    /// <summary>Processes one item; exceptions are the implementation's to report, escaping ones go to <see cref="OnUnhandled"/>.</summary>
    protected abstract Task ProcessAsync(TItem item);

    protected abstract void OnUnhandled(Exception exception);

    /// <summary>
    /// Closes the mailbox and returns the items still queued. <paramref name="whileLocked"/> runs under
    /// the mailbox lock with those items, so no enqueue can slip between closing and handing them over.
    /// </summary>
    protected List<TItem> Close(Action<List<TItem>>? whileLocked = null)
    {
        lock (_gate)
        {
            _closed = true;
            var items = new List<TItem>(_queue);
            _queue.Clear();
            whileLocked?.Invoke(items);
            return items;
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            TItem? item;
            lock (_gate)
            {
                if (_closed || !_queue.TryDequeue(out item))
                {
                    _running = false;
                    return;
                }
            }
            try
            {
                await ProcessAsync(item);
            }
            catch (Exception ex)
            {
                OnUnhandled(ex);
            }
        }
    }
}
