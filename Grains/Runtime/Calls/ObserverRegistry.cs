using System.Collections.Concurrent;
using Topiary.Runtime.Hosting;

namespace Topiary.Runtime.Calls;

/// <summary>
/// The observer objects registered in this process, by id. Held strongly until deleted: a gateway that
/// forgets <see cref="IGrainFactory.DeleteObjectReference{TObserver}"/> leaks the object.
/// </summary>
internal sealed class ObserverRegistry(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<string, ObserverEntry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public object CreateReference(Type observerInterface, object observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (observer is GrainReference)
        {
            throw new ArgumentException("The object is already a reference; pass the observer object itself.", nameof(observer));
        }
        if (!observerInterface.IsInterface)
        {
            throw new ArgumentException(
                $"CreateObjectReference needs the observer interface as its type argument, not the class {observerInterface.Name} " +
                "(write CreateObjectReference<IMyObserver>(observer)).", nameof(observer));
        }
        var descriptor = runtime.GetInterface(observerInterface);
        var id = Guid.NewGuid().ToString("N");
        _entries[id] = new ObserverEntry(runtime, descriptor, observer);
        return GrainReference.ForObserver(runtime.Dispatcher, descriptor, runtime.Transport.LocalAddress, id);
    }

    public void Delete(object? reference)
    {
        if (reference is not GrainReference { Target.IsObserver: true } observer
            || observer.Target.ObserverAddress != runtime.Transport.LocalAddress)
        {
            throw new ArgumentException("Only references returned by CreateObjectReference in this process can be deleted.", nameof(reference));
        }
        if (_entries.TryRemove(observer.Target.Key, out var entry))
        {
            entry.Delete();
        }
    }

    public ObserverEntry? TryGet(string observerId) => _entries.GetValueOrDefault(observerId);
}
