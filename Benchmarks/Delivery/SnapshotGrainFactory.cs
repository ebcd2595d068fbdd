using Topiary.Runtime;
using Topiary.Topics;

namespace Topiary.Benchmarks.Delivery;

/// <summary>
/// Just enough of <see cref="IGrainFactory"/> for a <see cref="Gateway.Topics.GatewayTopic"/>
/// to go live without a silo: every topic grain answers the snapshot it is given. Setup only;
/// nothing here is on the measured path.
/// </summary>
internal sealed class SnapshotGrainFactory(TopicSnapshot snapshot) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey =>
        new SnapshotTopicGrain(snapshot) is TGrain grain
            ? grain
            : throw new NotSupportedException($"only {nameof(ITopicGrain)} is available to the benchmark");

    public TObserver CreateObjectReference<TObserver>(TObserver observer)
        where TObserver : IGrainObserver => throw new NotSupportedException();

    public void DeleteObjectReference<TObserver>(TObserver reference)
        where TObserver : IGrainObserver => throw new NotSupportedException();
}
