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
}
