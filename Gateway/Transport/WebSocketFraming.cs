using System.Buffers.Binary;

namespace Topiary.Gateway.Transport;

/// <summary>
/// Headers of server-to-client frames (RFC 6455 §5.2): always FIN, never masked. Kept
/// separate so a frame can be built once with its header and copied to many connections.
/// </summary>
internal static class WebSocketFraming
{
    /// <summary>The largest header a server frame needs.</summary>
    public const int MaxHeaderLength = 10;

    /// <summary>Header bytes for a payload of <paramref name="payloadLength"/> bytes.</summary>
    public static int HeaderLength(int payloadLength) => payloadLength switch
    {
        < 126 => 2,
        <= ushort.MaxValue => 4,
        _ => 10,
    };

    /// <summary>Writes a final, unmasked frame header; returns its length.</summary>
    public static int WriteHeader(Span<byte> destination, WebSocketOpcode opcode, int payloadLength)
    {
        destination[0] = (byte)(0x80 | (byte)opcode);
        if (payloadLength < 126)
        {
            destination[1] = (byte)payloadLength;
            return 2;
        }
        if (payloadLength <= ushort.MaxValue)
        {
            destination[1] = 126;
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)payloadLength);
            return 4;
        }
        destination[1] = 127;
        BinaryPrimitives.WriteUInt64BigEndian(destination[2..], (ulong)payloadLength);
        return 10;
    }

    /// <summary>
    /// Reads the header of a frame as <see cref="WriteHeader"/> wrote it (consumers of a queue
    /// of server frames, such as the SignalR endpoint's drain loop); returns the header length.
    /// </summary>
    public static int ReadHeader(ReadOnlySpan<byte> frame, out WebSocketOpcode opcode, out int payloadLength)
    {
        opcode = (WebSocketOpcode)(frame[0] & 0x0F);
        var length = frame[1] & 0x7F;
        switch (length)
        {
            case < 126:
                payloadLength = length;
                return 2;
            case 126:
                payloadLength = BinaryPrimitives.ReadUInt16BigEndian(frame[2..]);
                return 4;
            default:
                // Written from an int: never more than int.MaxValue.
                payloadLength = checked((int)BinaryPrimitives.ReadUInt64BigEndian(frame[2..]));
                return 10;
        }
    }
}
