using Topiary.Topics;

namespace Topiary.Tests.Gateway.Topics;

/// <summary>A topic grain stand-in that only answers snapshots, which is all a <c>GatewayTopic</c> asks of it.</summary>
internal sealed class SnapshotTopicGrain(TopicSnapshot? snapshot) : ITopicGrain
{
    public Task<TopicSnapshot?> GetSnapshotAsync() => Task.FromResult(snapshot);

    public Task<AddTopicResult> AddAsync(TopicSpecificationData specification, TopicValueData? value) => throw new NotSupportedException();

    public Task<TopicUpdateResult> SetAsync(TopicValueData value) => throw new NotSupportedException();

    public Task<bool> RemoveAsync() => throw new NotSupportedException();
}
