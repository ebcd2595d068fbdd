namespace Topiary.Client.Protocol;

/// <summary>
/// A decoded binary value frame (protocol §5). The payload is a view of the receive buffer and
/// is only valid until the next message is received.
/// </summary>
internal readonly ref struct ValueFrame
{
    /// <summary>Frame kind of a topic value.</summary>
    public const byte KindValue = 1;

    /// <summary>Flag bit 0: the topic's value was cleared; no payload.</summary>
    public const byte FlagNoValue = 0b01;

    /// <summary>Flag bit 1: the current value sent on subscription.</summary>
    public const byte FlagInitial = 0b10;

    public ValueFrame(byte flags, uint topicId, ulong epoch, ulong sequence, ReadOnlySpan<byte> payload)
    {
        Flags = flags;
        TopicId = topicId;
        Epoch = epoch;
        Sequence = sequence;
        Payload = payload;
    }

    public byte Flags { get; }

    public uint TopicId { get; }

    public ulong Epoch { get; }

    public ulong Sequence { get; }

    public ReadOnlySpan<byte> Payload { get; }

    public bool HasValue => (Flags & FlagNoValue) == 0;

    public bool IsInitial => (Flags & FlagInitial) != 0;
}
