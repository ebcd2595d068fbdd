using Topiary.Runtime.Activation;

namespace Topiary.Runtime.Reminders;

/// <summary>
/// A reminder scheduled in this process: one one-shot timer, re-armed after each tick has been delivered
/// and recorded, so ticks of one reminder never overlap. Replaced (and cancelled) when the grain
/// re-registers the reminder.
/// </summary>
internal sealed class LocalReminder(ReminderService service, ReminderEntry entry, GrainClassInfo grainClass) : IDisposable
{
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _cancelled;

    public ReminderEntry Entry { get; private set; } = entry;

    public GrainClassInfo GrainClass { get; } = grainClass;

    public bool IsCancelled
    {
        get
        {
            lock (_gate)
            {
                return _cancelled;
            }
        }
    }

    /// <summary>Arms the timer for <paramref name="entry"/>'s next tick (immediately if it is already due).</summary>
    public void Schedule(ReminderEntry entry, TimeProvider timeProvider)
    {
        lock (_gate)
        {
            if (_cancelled)
            {
                return;
            }
            Entry = entry;
            var delay = entry.NextTickTime() - timeProvider.GetUtcNow();
            if (delay <= TimeSpan.Zero)
            {
                // Due (or overdue after a restart): fire now rather than relying on a zero-delay timer.
                ThreadPool.UnsafeQueueUserWorkItem(static state => state.Fire(), this, preferLocal: false);
                return;
            }
            using (ExecutionContextScope.Suppress())
            {
                _timer ??= timeProvider.CreateTimer(static state => ((LocalReminder)state!).Fire(), this,
                    Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _cancelled = true;
            _timer?.Dispose();
        }
    }

    private void Fire()
    {
        if (!IsCancelled)
        {
            service.Fire(this);
        }
    }
}
