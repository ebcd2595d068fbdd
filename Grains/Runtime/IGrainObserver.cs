namespace Topiary.Runtime;

/// <summary>
/// Marker of observer interfaces: callbacks from grains to a local object (typically a gateway
/// pushing to its sessions). Methods return <see cref="Task"/> (or another awaitable the grain
/// interfaces allow). Register the object with <see cref="IGrainFactory.CreateObjectReference{TObserver}"/>
/// and pass the returned reference to grains; calls on it run on the object one at a time, in the
/// order they were sent.
/// </summary>
// CA1040: a marker by design; the runtime recognises observer references through it.
#pragma warning disable CA1040
public interface IGrainObserver
{
}
