namespace Topiary.Topics;

/// <summary>
/// The stored record of one topic. The record exists exactly while the topic exists;
/// its absence means "no topic at this path".
/// </summary>
public sealed class TopicState
{
    public TopicSpecificationData? Specification { get; set; }

    /// <summary>Changes only when continuity cannot be proven (TOP-71).</summary>
    public ulong Epoch { get; set; }

    /// <summary>Grows by one per accepted update (TOP-70); 0 = never set.</summary>
    public long Sequence { get; set; }

    /// <summary>The current value's wire bytes, or null for "no value".</summary>
    public byte[]? Value { get; set; }
}
