namespace Topiary.Topics;

/// <summary>What a message on a topic's channel announces.</summary>
public enum TopicBusMessageKind : byte
{
    /// <summary>An accepted update: the new value (or "no value") at a sequence.</summary>
    Value = 1,

    /// <summary>The topic was removed; nothing follows in this epoch.</summary>
    Removed = 2,
}
