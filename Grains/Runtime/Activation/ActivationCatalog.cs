using System.Collections.Concurrent;
using Topiary.Runtime.Calls;
using Topiary.Runtime.Hosting;

namespace Topiary.Runtime.Activation;

/// <summary>
/// The activations of this process, one per grain id: creates them on the first message, replaces a
/// deactivated one by its successor, collects idle ones, and deactivates all at shutdown.
/// </summary>
internal sealed class ActivationCatalog(GrainRuntime runtime) : IDisposable
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private volatile bool _stopping;
    private ITimer? _collector;

    public int Count => _activations.Count;

    /// <summary>Starts idle collection: every quarter of the idle timeout (at most a minute).</summary>
    public void Start()
    {
        var idle = runtime.Options.IdleTimeout;
        var interval = TimeSpan.FromTicks(Math.Clamp(idle.Ticks / 4, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerMinute));
        using (ExecutionContextScope.Suppress())
        {
            _collector = runtime.TimeProvider.CreateTimer(static state => ((ActivationCatalog)state!).CollectIdle(), this, interval, interval);
        }
    }

    /// <summary>Delivers <paramref name="item"/> to the grain's activation, creating it if needed.</summary>
    public void Dispatch(GrainId id, GrainClassInfo grainClass, ActivationWorkItem item)
    {
        while (true)
        {
            if (_stopping)
            {
                item.Fail(runtime, CallErrors.Stopped());
                return;
            }
            var activation = _activations.GetOrAdd(id,
                static (grainId, state) => new GrainActivation(state.runtime, state.catalog, grainId, state.grainClass),
                (runtime, catalog: this, grainClass));
            var queued = item is RequestWorkItem request ? activation.TryEnqueueRequest(request) : activation.TryEnqueue(item);
            if (queued)
            {
                return;
            }
            // Closed activations are replaced before they close, so this is only a safety net.
            _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(id, activation));
        }
    }

    /// <summary>Forgets a failed activation (the next message creates a new one).</summary>
    public void Remove(GrainActivation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation));

    /// <summary>
    /// Called under the closing activation's mailbox lock: the <paramref name="queued"/> items go to a new
    /// activation that takes its place, before anyone can observe the old one closed. Returns <c>false</c>
    /// when stopping (the caller fails the items).
    /// </summary>
    public bool ReplaceWithSuccessor(GrainActivation closing, List<ActivationWorkItem> queued)
    {
        if (_stopping || queued.Count == 0)
        {
            Remove(closing);
            return !_stopping;
        }
        // Fill the successor before publishing it, so calls arriving later queue behind the handed-over ones.
        var successor = new GrainActivation(runtime, this, closing.Id, closing.ClassInfo);
        foreach (var item in queued)
        {
            successor.TryEnqueue(item);
        }
        if (!_activations.TryUpdate(closing.Id, successor, closing))
        {
            // Unreachable in practice (only the activation itself removes its entry); never lose the items.
            _activations.TryAdd(closing.Id, successor);
        }
        return true;
    }

    /// <summary>Stops accepting messages and deactivates every activation after what is already queued.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _collector?.Dispose();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "the runtime is stopping");
        var deactivations = _activations.Values.Select(a => a.EnqueueDeactivation(reason)).ToList();
        await Task.WhenAll(deactivations).WaitAsync(cancellationToken);
    }

    public void Dispose() => _collector?.Dispose();

    private void CollectIdle()
    {
        var now = runtime.TimeProvider.GetTimestamp();
        var idleTimeout = runtime.Options.IdleTimeout;
        var reason = new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"no call for {idleTimeout}");
        foreach (var activation in _activations.Values)
        {
            if (!activation.IdleDeactivationQueued && activation.IsIdleFor(now, idleTimeout))
            {
                activation.IdleDeactivationQueued = true;
                _ = activation.EnqueueDeactivation(reason);
            }
        }
    }
}
