using Microsoft.Extensions.Logging;
using Topiary.Runtime.Activation;
using Topiary.Runtime.Hosting;

namespace Topiary.Runtime.Reminders;

/// <summary>
/// Fires durable reminders in this process. At start it loads every reminder from the
/// <see cref="IReminderTable"/> and schedules its next tick — immediately for a tick that fell due while
/// no runtime was running. A tick is a turn of the grain (activating it); after the turn the tick's
/// scheduled time is recorded (ETag-conditional, so a concurrent re-registration wins), and the next
/// tick is armed. A tick not delivered (shutdown, failed activation) is not recorded, so it fires again
/// after the next start.
/// </summary>
internal sealed class ReminderService(GrainRuntime runtime, IReminderTable table, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string GrainType, string Key, string Name), LocalReminder> _scheduled = [];
    private readonly HashSet<Task> _firing = [];
    private bool _stopped;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _scheduled.Count;
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await table.ReadAllAsync(cancellationToken))
        {
            if (runtime.Registry.TryGetClass(entry.GrainType, out var grainClass))
            {
                Schedule(entry, grainClass);
            }
            else
            {
                // Kept in the table: the grain class may come back with the next deployment.
                RuntimeLog.ReminderForUnknownGrain(logger, entry.GrainType, entry.GrainKey, entry.ReminderName);
            }
        }
    }

    /// <summary>Cancels every timer and waits for ticks in flight to be recorded.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] firing;
        lock (_gate)
        {
            _stopped = true;
            foreach (var reminder in _scheduled.Values)
            {
                reminder.Dispose();
            }
            _scheduled.Clear();
            firing = [.. _firing];
        }
        await Task.WhenAll(firing).WaitAsync(cancellationToken);
    }

    public async Task RegisterAsync(GrainClassInfo grainClass, string key, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        var entry = new ReminderEntry(grainClass.GrainType, key, reminderName,
            runtime.TimeProvider.GetUtcNow() + dueTime, period, null, string.Empty);
        var eTag = await table.UpsertAsync(entry, CancellationToken.None);
        Schedule(entry with { ETag = eTag }, grainClass);
    }

    public async Task UnregisterAsync(GrainClassInfo grainClass, string key, string reminderName)
    {
        lock (_gate)
        {
            if (_scheduled.Remove((grainClass.GrainType, key, reminderName), out var reminder))
            {
                reminder.Dispose();
            }
        }
        await table.RemoveAsync(grainClass.GrainType, key, reminderName, null, CancellationToken.None);
    }

    /// <summary>Called by a <see cref="LocalReminder"/> when its tick is due.</summary>
    public void Fire(LocalReminder reminder)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            var firing = FireAsync(reminder);
            _firing.Add(firing);
            _ = firing.ContinueWith(static (task, state) =>
            {
                var service = (ReminderService)state!;
                lock (service._gate)
                {
                    service._firing.Remove(task);
                }
            }, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task FireAsync(LocalReminder reminder)
    {
        var entry = reminder.Entry;
        try
        {
            var now = runtime.TimeProvider.GetUtcNow();
            var tickTime = entry.LatestTickAtOrBefore(now);
            var work = new ReminderWorkItem(entry.ReminderName, new TickStatus(entry.FirstTickTime, entry.Period, now));
            runtime.Catalog.Dispatch(new GrainId(entry.GrainType, entry.GrainKey), reminder.GrainClass, work);
            var delivered = await work.Delivered;
            if (reminder.IsCancelled)
            {
                return; // Re-registered or unregistered during the tick: the new registration rules.
            }
            if (!delivered)
            {
                reminder.Schedule(entry with { LastTickTime = tickTime }, runtime.TimeProvider);
                return;
            }
            var recorded = entry with { LastTickTime = tickTime };
            var eTag = await table.TryUpdateAsync(recorded, entry.ETag, CancellationToken.None);
            if (eTag is not null)
            {
                reminder.Schedule(recorded with { ETag = eTag }, runtime.TimeProvider);
                return;
            }
            // Changed underneath (another writer): follow the table.
            var current = await table.ReadAsync(entry.GrainType, entry.GrainKey, entry.ReminderName, CancellationToken.None);
            if (current is null)
            {
                Unschedule(reminder);
            }
            else
            {
                Schedule(current, reminder.GrainClass);
            }
        }
        catch (Exception ex)
        {
            RuntimeLog.ReminderFailed(logger, ex, $"{entry.GrainType}/{entry.GrainKey}", entry.ReminderName);
            reminder.Schedule(entry with { LastTickTime = entry.LatestTickAtOrBefore(runtime.TimeProvider.GetUtcNow()) }, runtime.TimeProvider);
        }
    }

    private void Schedule(ReminderEntry entry, GrainClassInfo grainClass)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            var id = (entry.GrainType, entry.GrainKey, entry.ReminderName);
            if (_scheduled.Remove(id, out var previous))
            {
                previous.Dispose();
            }
            var reminder = new LocalReminder(this, entry, grainClass);
            _scheduled[id] = reminder;
            reminder.Schedule(entry, runtime.TimeProvider);
        }
    }

    private void Unschedule(LocalReminder reminder)
    {
        lock (_gate)
        {
            var id = (reminder.Entry.GrainType, reminder.Entry.GrainKey, reminder.Entry.ReminderName);
            if (_scheduled.TryGetValue(id, out var current) && current == reminder)
            {
                _scheduled.Remove(id);
            }
            reminder.Dispose();
        }
    }
}
