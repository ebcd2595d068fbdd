using System.Buffers.Binary;
using Topiary.Gateway.Transport;

namespace Topiary.Tests.Gateway.Transport;

/// <summary>
/// Builds client-to-server frames (RFC 6455 §5.2) byte by byte, including the wrong ones a
/// reader must refuse: unmasked, reserved bits set, non-minimal or absurd length fields.
/// Written from the RFC, independently of the gateway's own framing code.
/// </summary>
internal static class ClientFrame
{
    /// <summary>The mask key used unless a test picks one; non-zero in every byte so masking is visible.</summary>
    public static readonly byte[] DefaultMask = [0x37, 0xFA, 0x21, 0x3D];

    public static byte[] Build(
        WebSocketOpcode opcode,
        ReadOnlySpan<byte> payload,
        bool fin = true,
        bool masked = true,
        byte reservedBits = 0,
        ulong? declaredLength = null,
        int? lengthCode = null,
        byte[]? mask = null) =>
        Build((byte)opcode, payload, fin, masked, reservedBits, declaredLength, lengthCode, mask);

    /// <summary>
    /// A frame with any 4-bit opcode. <paramref name="declaredLength"/> overrides the length
    /// written in the header (the payload written stays <paramref name="payload"/>);
    /// <paramref name="lengthCode"/> forces the 7-bit length code (125 or less, 126, 127).
    /// </summary>
    public static byte[] Build(
        byte opcode,
        ReadOnlySpan<byte> payload,
        bool fin = true,
        bool masked = true,
        byte reservedBits = 0,
        ulong? declaredLength = null,
        int? lengthCode = null,
        byte[]? mask = null)
    {
        var length = declaredLength ?? (ulong)payload.Length;
        var code = lengthCode ?? (length < 126 ? (int)length : length <= ushort.MaxValue ? 126 : 127);
        var extended = code == 126 ? 2 : code == 127 ? 8 : 0;
        var key = mask ?? DefaultMask;
        var header = 2 + extended + (masked ? 4 : 0);
        var frame = new byte[header + payload.Length];
        frame[0] = (byte)((fin ? 0x80 : 0) | (reservedBits & 0x70) | (opcode & 0x0F));
        frame[1] = (byte)((masked ? 0x80 : 0) | code);
        if (code == 126)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)length);
        }
        else if (code == 127)
        {
            BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), length);
        }
        if (masked)
        {
            key.CopyTo(frame.AsSpan(2 + extended));
        }
        for (var i = 0; i < payload.Length; i++)
        {
            frame[header + i] = masked ? (byte)(payload[i] ^ key[i % 4]) : payload[i];
        }
        return frame;
    }

    /// <summary>Deterministic, non-repeating-looking payload bytes.</summary>
    public static byte[] Payload(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Concat(params byte[][] frames) => [.. frames.SelectMany(frame => frame)];
}
