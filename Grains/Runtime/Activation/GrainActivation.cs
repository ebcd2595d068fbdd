using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Topiary.Errors;
using Topiary.Runtime.Calls;
using Topiary.Runtime.Hosting;

namespace Topiary.Runtime.Activation;

/// <summary>
/// One in-memory instance of a grain and its mailbox. Lifecycle, all inside the mailbox (so never
/// concurrent with calls): the first item triggers activation (construct through DI, load state,
/// <see cref="Grain.OnActivateAsync"/>); deactivation runs <see cref="Grain.OnDeactivateAsync"/>, stops
/// timers, then closes the mailbox and — atomically with closing — hands the calls still queued to a
/// fresh activation that replaces this one in the catalog, so no call is lost or reordered.
/// </summary>
internal sealed partial class GrainActivation : Mailbox<ActivationWorkItem>, IGrainContext
{
    private readonly ActivationCatalog _catalog;
    private readonly List<GrainTimer> _timers = [];
    private Phase _phase;
    private Grain? _grain;
    private AsyncServiceScope? _scope;
    private DeactivationReason? _deactivateAfterTurn;
    private long _lastActivity;

    public GrainActivation(GrainRuntime runtime, ActivationCatalog catalog, GrainId id, GrainClassInfo classInfo)
    {
        Runtime = runtime;
        _catalog = catalog;
        Id = id;
        ClassInfo = classInfo;
        ChainLink = id.ToString();
        Logger = runtime.ActivationLogger;
    }

    private enum Phase
    {
        Created,
        Active,
        Deactivating,
        Deactivated,
    }

    public GrainRuntime Runtime { get; }

    public GrainId Id { get; }

    public GrainClassInfo ClassInfo { get; }

    /// <summary><c>type/key</c>: this grain in call chains and logs.</summary>
    public string ChainLink { get; }

    public ILogger Logger { get; }

    public Grain Grain => _grain ?? throw new InvalidOperationException("The activation has no grain instance.");

    /// <summary>Set by the idle collector so that one idle deactivation is queued at a time.</summary>
    public bool IdleDeactivationQueued { get; set; }

    public string Key => Id.Key;

    public IGrainFactory GrainFactory => Runtime.Factory;

    public TimeProvider TimeProvider => Runtime.TimeProvider;

    /// <summary>Queues a call; warns when it arrives through a chain that this busy grain started (A → … → A).</summary>
    public bool TryEnqueueRequest(RequestWorkItem item)
    {
        if (item.Request.Chain is { } chain && chain.Contains(ChainLink) && IsBusy)
        {
            RuntimeLog.PossibleDeadlock(Logger, ChainLink, item.Request.Method.DisplayName, chain.ToString());
        }
        return TryEnqueue(item);
    }

    public void Touch() => Volatile.Write(ref _lastActivity, Runtime.TimeProvider.GetTimestamp());

    /// <summary>
    /// Whether no call or reminder started or ended here for at least the idle timeout. Timer ticks do not
    /// count, so a ticking timer does not keep an activation alive. A call still running is rechecked by
    /// <see cref="IsIdleNow"/> when the deactivation's turn comes (after that call).
    /// </summary>
    public bool IsIdleFor(long now, TimeSpan idleTimeout) =>
        _phase == Phase.Active && Runtime.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity), now) >= idleTimeout;

    /// <summary>Checked by a queued idle deactivation when its turn comes: no call waiting behind it, and still idle.</summary>
    public bool IsIdleNow() => !AnyQueued(static item => item.Forwardable)
        && Runtime.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity)) >= Runtime.Options.IdleTimeout;

    public void DeactivateAfterTurn(DeactivationReason reason) => _deactivateAfterTurn ??= reason;

    /// <summary>Queues a deactivation; the task completes when it ran (or the activation was already gone).</summary>
    public Task EnqueueDeactivation(DeactivationReason reason)
    {
        var item = new DeactivateWorkItem(reason);
        return TryEnqueue(item) ? item.Completed : Task.CompletedTask;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    protected override async Task ProcessAsync(ActivationWorkItem item)
    {
        if (_phase == Phase.Created)
        {
            if (item is DeactivateWorkItem)
            {
                // Never activated: nothing to deactivate; just retire (and hand over anything queued).
                _phase = Phase.Deactivated;
                HandOver();
                item.Fail(Runtime, CallErrors.Stopped());
                return;
            }
            if (!await ActivateAsync(item))
            {
                return;
            }
        }
        if (_phase != Phase.Active)
        {
            item.Fail(Runtime, CallErrors.Stopped());
            return;
        }
        await item.RunAsync(this);
        if (_deactivateAfterTurn is { } reason && _phase == Phase.Active)
        {
            _deactivateAfterTurn = null;
            await DeactivateAsync(reason);
        }
    }

    protected override void OnUnhandled(Exception exception) => Runtime.LogUnhandled(exception, ChainLink);

    private async Task<bool> ActivateAsync(ActivationWorkItem first)
    {
        CallChain.Current = new CallChain(ChainLink, null);
        try
        {
            _scope = Runtime.Services.CreateAsyncScope();
            var grain = (Grain)ClassInfo.Factory(_scope.Value.ServiceProvider, null);
            grain.Initialise(this);
            _grain = grain;
            using var timeout = new CancellationTokenSource(Runtime.Options.CallTimeout, Runtime.TimeProvider);
            await grain.LoadStateAsync();
            await grain.OnActivateAsync(timeout.Token);
            _phase = Phase.Active;
            Touch();
            return true;
        }
        catch (Exception ex)
        {
            var error = TopiaryException.Create(Runtime.Dispatcher.ToEnvelope(ex, ChainLink, "activation"));
            RuntimeLog.ActivationFailed(Logger, ChainLink, error.Error.Message);
            StopTimers();
            await DisposeScopeAsync();
            _phase = Phase.Deactivated;
            // Everything queued fails with the same error; the catalog forgets us so the next call retries.
            var queued = Close(_ => _catalog.Remove(this));
            first.Fail(Runtime, error);
            foreach (var item in queued)
            {
                item.Fail(Runtime, error);
            }
            return false;
        }
        finally
        {
            CallChain.Current = null;
        }
    }

    /// <summary>Runs the deactivation turn; called from inside the mailbox only.</summary>
    public async Task DeactivateAsync(DeactivationReason reason)
    {
        if (_phase != Phase.Active)
        {
            return;
        }
        _phase = Phase.Deactivating;
        StopTimers();
        CallChain.Current = new CallChain(ChainLink, null);
        try
        {
            using var timeout = new CancellationTokenSource(Runtime.Options.CallTimeout, Runtime.TimeProvider);
            await Grain.OnDeactivateAsync(reason, timeout.Token);
        }
        catch (Exception ex)
        {
            RuntimeLog.DeactivationFailed(Logger, ex, ChainLink);
        }
        finally
        {
            CallChain.Current = null;
        }
        await DisposeScopeAsync();
        _phase = Phase.Deactivated;
        RuntimeLog.Deactivated(Logger, ChainLink, reason.Code);
        HandOver();
    }

    /// <summary>Closes the mailbox; queued calls and reminder ticks go, in order, to a successor activation.</summary>
    private void HandOver()
    {
        var dropped = new List<ActivationWorkItem>();
        var stopping = false;
        Close(queued =>
        {
            var forward = queued.Where(i => i.Forwardable).ToList();
            dropped.AddRange(queued.Where(i => !i.Forwardable));
            stopping = !_catalog.ReplaceWithSuccessor(this, forward);
            if (stopping)
            {
                dropped.AddRange(forward);
            }
        });
        foreach (var item in dropped)
        {
            item.Fail(Runtime, CallErrors.Stopped());
        }
    }

    private void StopTimers()
    {
        GrainTimer[] timers;
        lock (_timers)
        {
            timers = [.. _timers];
        }
        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private async Task DisposeScopeAsync()
    {
        if (_scope is { } scope)
        {
            _scope = null;
            try
            {
                await scope.DisposeAsync();
            }
            catch (Exception ex)
            {
                RuntimeLog.DeactivationFailed(Logger, ex, ChainLink);
            }
        }
    }
}
