using Topiary.Runtime.Calls;
using Topiary.Runtime.Storage;

namespace Topiary.Runtime.Activation;

/// <summary>One message in an activation's mailbox: a call, a timer tick, a reminder tick, or a deactivation.</summary>
internal abstract class ActivationWorkItem
{
    /// <summary>Whether the item moves to the next activation when this one deactivates with it still queued.</summary>
    public virtual bool Forwardable => false;

    /// <summary>Runs as a turn of the (active) activation; must not throw.</summary>
    public abstract Task RunAsync(GrainActivation activation);

    /// <summary>The item will never run here (activation failed, or runtime stopping).</summary>
    public abstract void Fail(Hosting.GrainRuntime runtime, Exception error);
}

/// <summary>A grain call.</summary>
internal sealed class RequestWorkItem(IncomingRequest request) : ActivationWorkItem
{
    public IncomingRequest Request { get; } = request;

    public override bool Forwardable => true;

    public override async Task RunAsync(GrainActivation activation)
    {
        var runtime = activation.Runtime;
        if (runtime.TimeProvider.GetTimestamp() > Request.Deadline)
        {
            return; // The caller already got TIMEOUT; at most once means not running it late.
        }
        activation.Touch();
        CallChain.Current = new CallChain(activation.ChainLink, Request.Chain);
        try
        {
            var result = await Request.Method.Adapter.InvokeAsync(activation.Grain, Request.Arguments);
            // Activity is recorded before the caller can observe the response, so it never lags behind it.
            activation.Touch();
            runtime.Dispatcher.SendResult(Request, result);
        }
        catch (Exception ex)
        {
            activation.Touch();
            if (ex is InconsistentStateException)
            {
                activation.DeactivateAfterTurn(new DeactivationReason(DeactivationReasonCode.StateConflict,
                    "a state write found a different ETag; the next activation reloads the stored state"));
            }
            runtime.Dispatcher.SendError(Request, ex);
        }
        finally
        {
            CallChain.Current = null;
        }
    }

    public override void Fail(Hosting.GrainRuntime runtime, Exception error) => runtime.Dispatcher.SendError(Request, error);
}

/// <summary>A tick of a grain timer.</summary>
internal sealed class TimerWorkItem(GrainTimer timer) : ActivationWorkItem
{
    public override Task RunAsync(GrainActivation activation) => timer.RunTickAsync(activation);

    public override void Fail(Hosting.GrainRuntime runtime, Exception error)
    {
    }
}

/// <summary>A tick of a durable reminder; <see cref="Delivered"/> says whether the grain received it.</summary>
internal sealed class ReminderWorkItem(string reminderName, TickStatus status) : ActivationWorkItem
{
    private readonly TaskCompletionSource<bool> _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<bool> Delivered => _delivered.Task;

    public override bool Forwardable => true;

    public override async Task RunAsync(GrainActivation activation)
    {
        activation.Touch();
        CallChain.Current = new CallChain(activation.ChainLink, null);
        try
        {
            if (activation.Grain is IRemindable remindable)
            {
                await remindable.ReceiveReminder(reminderName, status);
            }
            else
            {
                RuntimeLog.NotRemindable(activation.Logger, activation.ChainLink, reminderName);
            }
        }
        catch (Exception ex)
        {
            RuntimeLog.ReminderFailed(activation.Logger, ex, activation.ChainLink, reminderName);
        }
        finally
        {
            CallChain.Current = null;
            _delivered.TrySetResult(true);
        }
    }

    public override void Fail(Hosting.GrainRuntime runtime, Exception error) => _delivered.TrySetResult(false);
}

/// <summary>A request to deactivate; <see cref="Completed"/> finishes when it ran or was dropped.</summary>
internal sealed class DeactivateWorkItem(DeactivationReason reason) : ActivationWorkItem
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeactivationReason Reason { get; } = reason;

    public Task Completed => _completed.Task;

    public override async Task RunAsync(GrainActivation activation)
    {
        try
        {
            // Idle collection is a suggestion: a call that arrived meanwhile keeps the activation.
            if (Reason.Code != DeactivationReasonCode.ActivationIdle || activation.IsIdleNow())
            {
                await activation.DeactivateAsync(Reason);
            }
        }
        finally
        {
            activation.IdleDeactivationQueued = false;
            _completed.TrySetResult();
        }
    }

    public override void Fail(Hosting.GrainRuntime runtime, Exception error) => _completed.TrySetResult();
}
