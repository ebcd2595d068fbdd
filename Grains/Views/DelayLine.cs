namespace Topiary.Views;

/// <summary>
/// The pending changes of a delayed view (VIEW-44, VIEW-83): each change takes effect D after the
/// source event that caused it, in the original order. In memory only: pending changes do not
/// survive a restart. Not thread-safe: the view that owns it calls it one event at a time.
/// </summary>
/// <typeparam name="T">A derived change (creation, update or removal of a reference topic).</typeparam>
public sealed class DelayLine<T>(TimeSpan delay, TimeProvider time)
{
    private readonly Queue<(DateTimeOffset Due, T Change)> _pending = new();

    /// <summary>How many changes are waiting.</summary>
    public int Count => _pending.Count;

    /// <summary>When the next change falls due; null when none is pending.</summary>
    public DateTimeOffset? NextDue => _pending.TryPeek(out var next) ? next.Due : null;

    /// <summary>Schedules a change caused by an event happening now.</summary>
    public void Add(T change) => _pending.Enqueue((time.GetUtcNow() + delay, change));

    /// <summary>The changes that are due now, oldest first, removed from the line.</summary>
    public IReadOnlyList<T> TakeDue()
    {
        var now = time.GetUtcNow();
        var due = new List<T>();
        while (_pending.TryPeek(out var next) && next.Due <= now)
        {
            due.Add(_pending.Dequeue().Change);
        }
        return due;
    }

    /// <summary>Discards every pending change (the view was removed, VIEW-72).</summary>
    public void Clear() => _pending.Clear();
}
