using Topiary.Runtime;

namespace Topiary.Topics;

/// <summary>
/// One topic of the tree, keyed by its path (spec/topics.md). All updates of a topic pass
/// through its grain, one at a time, which is what orders them (UPD-4). After every
/// accepted change the grain publishes on the topic's bus channel (<see cref="TopicChannel"/>)
/// before it answers the caller, so subscribers see updates in sequence order.
/// </summary>
public interface ITopicGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the topic (TOP-30), optionally with a first value atomically (UPD-3).
    /// Equivalent specification already present: no change, <c>Added = false</c> (with a value,
    /// the value is set). Different specification: CONFLICT (EXISTS_MISMATCH).
    /// Acknowledged only after the definition is durably stored (TOP-33).
    /// </summary>
    Task<AddTopicResult> AddAsync(TopicSpecificationData specification, TopicValueData? value);

    /// <summary>Sets the value (UPD-1); NOT_FOUND when there is no topic.</summary>
    Task<TopicUpdateResult> SetAsync(TopicValueData value);

    /// <summary>The topic's definition, position and retained value; null when there is no topic.</summary>
    Task<TopicSnapshot?> GetSnapshotAsync();

    /// <summary>Removes the topic and its stored state (TOP-42); false when there was none.</summary>
    Task<bool> RemoveAsync();
}
