using System.Buffers.Binary;
using Topiary.Gateway.Transport;

namespace Topiary.Gateway.Protocol;

/// <summary>
/// The binary value frame of docs/protocol.md §5, WebSocket header included, so that the
/// fan-out builds it once per update and copies the same bytes to every subscriber.
/// </summary>
internal static class ValueFrame
{
    /// <summary>Protocol bytes before the payload.</summary>
    public const int HeaderLength = 22;

    public const byte KindValue = 1;
    public const byte FlagNoValue = 1;
    public const byte FlagInitial = 2;

    /// <summary>Total bytes of a frame with <paramref name="payloadLength"/> payload bytes.</summary>
    public static int FrameLength(int payloadLength)
    {
        var message = HeaderLength + payloadLength;
        return WebSocketFraming.HeaderLength(message) + message;
    }

    /// <summary>Writes the whole frame into <paramref name="destination"/>; returns its length.</summary>
    public static int Write(Span<byte> destination, byte flags, uint topicId, ulong epoch, long sequence, ReadOnlySpan<byte> payload)
    {
        var message = HeaderLength + payload.Length;
        var offset = WebSocketFraming.WriteHeader(destination, WebSocketOpcode.Binary, message);
        var body = destination[offset..];
        body[0] = KindValue;
        body[1] = flags;
        BinaryPrimitives.WriteUInt32LittleEndian(body[2..], topicId);
        BinaryPrimitives.WriteUInt64LittleEndian(body[6..], epoch);
        BinaryPrimitives.WriteInt64LittleEndian(body[14..], sequence);
        payload.CopyTo(body[HeaderLength..]);
        return offset + message;
    }
}
