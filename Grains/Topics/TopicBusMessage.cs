using System.Buffers.Binary;

namespace Topiary.Topics;

/// <summary>
/// The binary message a topic grain publishes on its channel, built once per update and
/// read by every gateway:
/// <c>kind:u8 | flags:u8 | epoch:u64 | sequence:u64 | payload</c> (little-endian).
/// Flag bit 0 = no value. The payload is the value's wire bytes (docs/protocol.md §5).
/// </summary>
public readonly ref struct TopicBusMessage
{
    /// <summary>Bytes before the payload.</summary>
    public const int HeaderLength = 18;

    /// <summary>Flag: the update cleared the value; there is no payload.</summary>
    public const byte NoValueFlag = 1;

    private TopicBusMessage(TopicBusMessageKind kind, byte flags, ulong epoch, long sequence, ReadOnlySpan<byte> payload)
    {
        Kind = kind;
        Flags = flags;
        Epoch = epoch;
        Sequence = sequence;
        Payload = payload;
    }

    public TopicBusMessageKind Kind { get; }

    public byte Flags { get; }

    public ulong Epoch { get; }

    public long Sequence { get; }

    public ReadOnlySpan<byte> Payload { get; }

    public bool HasValue => (Flags & NoValueFlag) == 0;

    /// <summary>Writes a message into <paramref name="destination"/> (at least <see cref="HeaderLength"/> + payload bytes); returns its length.</summary>
    public static int Write(Span<byte> destination, TopicBusMessageKind kind, ulong epoch, long sequence, ReadOnlySpan<byte> payload, bool hasValue)
    {
        destination[0] = (byte)kind;
        destination[1] = hasValue ? (byte)0 : NoValueFlag;
        BinaryPrimitives.WriteUInt64LittleEndian(destination[2..], epoch);
        BinaryPrimitives.WriteInt64LittleEndian(destination[10..], sequence);
        payload.CopyTo(destination[HeaderLength..]);
        return HeaderLength + payload.Length;
    }

    /// <summary>Reads a message; false when <paramref name="message"/> is too short to be one.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out TopicBusMessage result)
    {
        if (message.Length < HeaderLength)
        {
            result = default;
            return false;
        }
        result = new TopicBusMessage(
            (TopicBusMessageKind)message[0],
            message[1],
            BinaryPrimitives.ReadUInt64LittleEndian(message[2..]),
            BinaryPrimitives.ReadInt64LittleEndian(message[10..]),
            message[HeaderLength..]);
        return true;
    }
}
