using Topiary.Runtime;

namespace Topiary.Tests.Gateway.Topics;

/// <summary>A grain factory that hands out one prepared grain, so gateway objects can be tested without a runtime.</summary>
internal sealed class SingleGrainFactory(IGrainWithStringKey grain) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey => (TGrain)grain;

    public TObserver CreateObjectReference<TObserver>(TObserver observer)
        where TObserver : IGrainObserver => throw new NotSupportedException();

    public void DeleteObjectReference<TObserver>(TObserver reference)
        where TObserver : IGrainObserver => throw new NotSupportedException();
}
