using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>One topic of a <see cref="FetchResult"/>. Immutable.</summary>
/// <param name="Path">The topic's path.</param>
/// <param name="Type">The topic's type.</param>
/// <param name="Properties">The specification's properties when <see cref="FetchOptions.WithProperties"/> was set; otherwise null.</param>
/// <param name="Sequence">The sequence of the value, when the server sent one.</param>
/// <param name="Value">The value; <see cref="TopicValue.HasValue"/> is false unless <see cref="FetchOptions.WithValues"/> was set and the topic has a value.</param>
public sealed record FetchedTopic(
    string Path,
    TopicType Type,
    IReadOnlyDictionary<string, string>? Properties,
    long? Sequence,
    TopicValue Value)
{
    /// <summary>True when the topic's value was fetched and it has one.</summary>
    public bool HasValue => Value.HasValue;

    /// <summary>
    /// The value as <typeparamref name="T"/>, by the rules of typed streams; <c>default</c> when
    /// there is none. A <typeparamref name="T"/> of another topic type fails with INCOMPATIBLE_TYPE.
    /// </summary>
    public T? GetValue<T>() => Value.As<T>();
}
