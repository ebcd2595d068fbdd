namespace Topiary.Client.Topics;

/// <summary>What a <see cref="TopicEvent{T}"/> reports; per topic the order is always Subscribed, Value…, Unsubscribed (TOP-53).</summary>
public enum TopicEventKind
{
    /// <summary>The session is now subscribed to the topic.</summary>
    Subscribed,

    /// <summary>A new value: the current value on subscription, then every update in sequence order.</summary>
    Value,

    /// <summary>The session is no longer subscribed; <see cref="TopicEvent{T}.Reason"/> says why.</summary>
    Unsubscribed,
}
