using Topiary.Runtime.Activation;
using Topiary.Runtime.Hosting;

namespace Topiary.Runtime.Calls;

/// <summary>
/// A registered observer object and its mailbox: calls run on the object one at a time, in arrival order.
/// Once deleted, queued and later calls fail with NOT_FOUND.
/// </summary>
internal sealed class ObserverEntry(GrainRuntime runtime, InterfaceDescriptor descriptor, object target)
    : Mailbox<IncomingRequest>
{
    public InterfaceDescriptor Descriptor { get; } = descriptor;

    public void Enqueue(IncomingRequest request)
    {
        if (!TryEnqueue(request))
        {
            runtime.Dispatcher.SendError(request, CallErrors.ObserverNotFound());
        }
    }

    public void Delete()
    {
        foreach (var request in Close())
        {
            runtime.Dispatcher.SendError(request, CallErrors.ObserverNotFound());
        }
    }

    protected override async Task ProcessAsync(IncomingRequest request)
    {
        if (runtime.TimeProvider.GetTimestamp() > request.Deadline)
        {
            return; // The caller has given up; running it now would only surprise it.
        }
        CallChain.Current = request.Chain;
        try
        {
            var result = await request.Method.Adapter.InvokeAsync(target, request.Arguments);
            runtime.Dispatcher.SendResult(request, result);
        }
        catch (Exception ex)
        {
            runtime.Dispatcher.SendError(request, ex);
        }
    }

    protected override void OnUnhandled(Exception exception) => runtime.LogUnhandled(exception, "observer");
}
