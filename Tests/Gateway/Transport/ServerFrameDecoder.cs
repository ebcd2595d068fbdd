using System.Buffers.Binary;

namespace Topiary.Tests.Gateway.Transport;

/// <summary>
/// A minimal RFC 6455 decoder for server-to-client frames, written from the RFC rather than
/// from the gateway's framing code, so that tests check the bytes against the standard and
/// not against themselves. Strict: it fails on anything a server must not send (mask bit,
/// reserved bits, non-minimal lengths, trailing bytes of a partial frame).
/// </summary>
internal static class ServerFrameDecoder
{
    public static List<ServerFrame> DecodeAll(ReadOnlySpan<byte> bytes)
    {
        var frames = new List<ServerFrame>();
        while (!bytes.IsEmpty)
        {
            frames.Add(Decode(bytes, out var consumed));
            bytes = bytes[consumed..];
        }
        return frames;
    }

    public static ServerFrame Decode(ReadOnlySpan<byte> bytes, out int consumed)
    {
        Assert.True(bytes.Length >= 2, "truncated frame header");
        Assert.True((bytes[0] & 0x70) == 0, "reserved bits set in a server frame");
        Assert.True((bytes[1] & 0x80) == 0, "server frames must not be masked (RFC 6455 §5.1)");
        var fin = (bytes[0] & 0x80) != 0;
        var opcode = bytes[0] & 0x0F;
        var code = bytes[1] & 0x7F;
        int header;
        ulong length;
        switch (code)
        {
            case 126:
                header = 4;
                Assert.True(bytes.Length >= header, "truncated 16-bit length");
                length = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
                Assert.True(length >= 126, $"non-minimal 16-bit length {length}");
                break;
            case 127:
                header = 10;
                Assert.True(bytes.Length >= header, "truncated 64-bit length");
                length = BinaryPrimitives.ReadUInt64BigEndian(bytes[2..]);
                Assert.True(length > ushort.MaxValue && length <= long.MaxValue, $"non-minimal or illegal 64-bit length {length}");
                break;
            default:
                header = 2;
                length = (ulong)code;
                break;
        }
        Assert.True((ulong)(bytes.Length - header) >= length, $"frame declares {length} payload bytes, {bytes.Length - header} present");
        if (opcode >= 0x8)
        {
            Assert.True(fin && length <= 125, "control frames are final and at most 125 bytes");
        }
        consumed = header + (int)length;
        return new ServerFrame(fin, opcode, bytes.Slice(header, (int)length).ToArray(), header);
    }
}
