namespace Topiary.Topics;

/// <summary>
/// A topic's definition and position at one moment: what a gateway needs to subscribe a
/// session (SUBSCRIBED + current value) or to answer a fetch. <see cref="Value"/> is null
/// when the topic has no value or does not retain values.
/// </summary>
public sealed record TopicSnapshot(
    string Path,
    TopicSpecificationData Specification,
    ulong Epoch,
    long Sequence,
    byte[]? Value);
