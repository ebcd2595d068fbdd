namespace Topiary.Client.Topics;

/// <summary>The answer to <see cref="ITopics.AddAndSetAsync{T}(string, Topiary.Topics.TopicType, T, CancellationToken)"/>.</summary>
/// <param name="Added">False when an equivalent topic already existed (its value was still set).</param>
/// <param name="Sequence">The topic's sequence after the set.</param>
public readonly record struct AddAndSetResult(bool Added, long Sequence);
