using Topiary.Topics;

namespace Topiary.Benchmarks.Delivery;

/// <summary>A topic grain stand-in that only answers <see cref="GetSnapshotAsync"/> (see <see cref="SnapshotGrainFactory"/>).</summary>
internal sealed class SnapshotTopicGrain(TopicSnapshot snapshot) : ITopicGrain
{
    public Task<TopicSnapshot?> GetSnapshotAsync() => Task.FromResult<TopicSnapshot?>(snapshot);

    public Task<AddTopicResult> AddAsync(TopicSpecificationData specification, TopicValueData? value) => throw new NotSupportedException();

    public Task<TopicUpdateResult> SetAsync(TopicValueData value) => throw new NotSupportedException();

    public Task<bool> RemoveAsync() => throw new NotSupportedException();
}
