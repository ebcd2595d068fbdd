using Topiary.Runtime.Hosting;

namespace Topiary.Runtime.Calls;

/// <summary>The runtime's <see cref="IGrainFactory"/>: references are proxies over <see cref="CallDispatcher"/>.</summary>
internal sealed class GrainFactory(GrainRuntime runtime) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey => (TGrain)GetGrain(typeof(TGrain), key);

    public object GetGrain(Type grainInterface, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!runtime.Registry.TryGetInterface(grainInterface, out var descriptor) || !runtime.Registry.TryGetClass(grainInterface, out var grainClass))
        {
            throw new ArgumentException(
                $"No grain class implements {grainInterface.FullName}; add its assembly to GrainRuntimeOptions.GrainAssemblies.",
                nameof(grainInterface));
        }
        return GrainReference.ForGrain(runtime.Dispatcher, descriptor, grainClass.GrainType, key);
    }

    public TObserver CreateObjectReference<TObserver>(TObserver observer)
        where TObserver : IGrainObserver => (TObserver)runtime.Observers.CreateReference(typeof(TObserver), observer);

    public void DeleteObjectReference<TObserver>(TObserver reference)
        where TObserver : IGrainObserver => runtime.Observers.Delete(reference);
}
