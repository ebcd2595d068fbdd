namespace Topiary.Topics;

/// <summary>
/// A value travelling to a topic grain: the type the sender meant and the value's wire
/// bytes (docs/protocol.md §5 encodings). <see cref="Bytes"/> is null for "no value".
/// </summary>
public sealed record TopicValueData(string Type, byte[]? Bytes);
