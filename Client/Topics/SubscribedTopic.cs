using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// A topic the session is subscribed to, by the gateway's topic id (protocol §4), with its cached
/// value and the streams it is delivered to. Mutated only under the <see cref="SubscriptionTable"/> lock.
/// </summary>
internal sealed class SubscribedTopic(uint topicId, string path, TopicSpecification specification, StreamRegistration[] streams)
{
    public uint TopicId { get; } = topicId;

    public string Path { get; } = path;

    public TopicSpecification Specification { get; } = specification;

    public TopicType Type => Specification.Type;

    public ulong Epoch { get; set; }

    public long Sequence { get; set; }

    /// <summary>The last value received; what a stream added later starts from (TOP-57).</summary>
    public TopicValue Value { get; set; } = TopicValue.NoValue(specification.Type);

    /// <summary>
    /// The matching streams. Replaced, never changed in place, so a delivery loop keeps a
    /// consistent snapshot even when a callback adds or removes a stream.
    /// </summary>
    public StreamRegistration[] Streams { get; set; } = streams;
}
