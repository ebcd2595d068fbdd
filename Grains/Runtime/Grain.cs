namespace Topiary.Runtime;

/// <summary>
/// Base class of grain implementations. A grain class implements one or more grain interfaces
/// (<see cref="IGrainWithStringKey"/>) and is constructed through dependency injection for each
/// activation, so its constructor may take <c>ILogger&lt;T&gt;</c>, <c>IOptions&lt;T&gt;</c> and other services.
/// </summary>
/// <remarks>
/// Turn-based: the runtime delivers one message (call, timer tick, reminder tick) at a time and waits
/// for the returned task before the next, so grain code needs no locks. Turns are not reentrant: a
/// grain that awaits a call which needs the same grain again (A → A, or A → B → A) deadlocks until the
/// call timeout. See docs/runtime.md.
/// </remarks>
public abstract class Grain
{
    private IGrainContext _context = new DetachedGrainContext(string.Empty);

    /// <summary>The key this activation was created for.</summary>
    public string GetPrimaryKeyString() => _context.Key;

    /// <summary>Creates references to other grains and observers.</summary>
    protected IGrainFactory GrainFactory => _context.GrainFactory;

    /// <summary>The runtime's clock; a fake one in tests.</summary>
    protected TimeProvider TimeProvider => _context.TimeProvider;

    /// <summary>The host of this instance; <see cref="DetachedGrainContext"/> until the runtime attaches one.</summary>
    internal IGrainContext Context => _context;

    /// <summary>
    /// Called as the first turn of an activation, after the state of a <see cref="Grain{TState}"/> was read.
    /// If it throws, the activation fails, every call waiting for it fails, and the next call retries.
    /// </summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called as the last turn of an activation (idle collection, <see cref="DeactivateOnIdle"/>, shutdown).
    /// Not called when the process dies, so durable effects belong in calls, not here.
    /// </summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Starts a timer whose callback runs as a turn of this activation (never concurrently with calls).
    /// A tick is skipped while the previous one is still queued. Timer ticks do not keep the activation
    /// from being collected; timers stop when it deactivates. Dispose the result to stop earlier.
    /// <paramref name="period"/> <see cref="Timeout.InfiniteTimeSpan"/> fires once.
    /// </summary>
    protected IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return _context.RegisterTimer(callback, dueTime, period);
    }

    /// <summary>
    /// Registers (or replaces) a durable reminder: it first fires after <paramref name="dueTime"/>, then
    /// every <paramref name="period"/>, across deactivations and process restarts, until unregistered.
    /// The grain must implement <see cref="IRemindable"/>.
    /// </summary>
    protected Task RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        return _context.RegisterOrUpdateReminderAsync(reminderName, dueTime, period);
    }

    /// <summary>Removes a reminder; removing one that does not exist is not an error.</summary>
    protected Task UnregisterReminder(string reminderName)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        return _context.UnregisterReminderAsync(reminderName);
    }

    /// <summary>
    /// Deactivates this activation as soon as the current turn ends. Messages already queued and later
    /// calls go, in order, to a fresh activation (which reloads state).
    /// </summary>
    protected void DeactivateOnIdle() => _context.DeactivateOnIdle();

    /// <summary>Attaches the host; the runtime calls it once, right after construction.</summary>
    internal void Initialise(IGrainContext context) => _context = context;

    /// <summary>Loads persistent state before <see cref="OnActivateAsync"/>; see <see cref="Grain{TState}"/>.</summary>
    internal virtual Task LoadStateAsync() => Task.CompletedTask;
}
