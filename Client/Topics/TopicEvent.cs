using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>One event of <see cref="ITopics.Stream{T}(string, CancellationToken)"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Path">The topic's path.</param>
/// <param name="Specification">The topic's specification, from its subscription notification.</param>
/// <param name="Value">
/// For <see cref="TopicEventKind.Value"/>: the new value, <c>default</c> (null for nullable
/// <typeparamref name="T"/>) when it was cleared. <c>default</c> for the other kinds.
/// </param>
/// <param name="Sequence">The topic's sequence: of this value, or at subscription, or of the last value before unsubscription.</param>
/// <param name="Reason">For <see cref="TopicEventKind.Unsubscribed"/>: why; otherwise null.</param>
public readonly record struct TopicEvent<T>(
    TopicEventKind Kind,
    string Path,
    TopicSpecification Specification,
    T? Value,
    long Sequence,
    UnsubscribeReason? Reason);
