using System.Buffers.Binary;
using System.Text;

namespace Topiary.Gateway.Transport;

/// <summary>Builds a server close frame (RFC 6455 §5.5.1): status code and a UTF-8 reason cut to fit 125 bytes.</summary>
internal static class CloseFrame
{
    public const int NormalClosure = 1000;
    public const int GoingAway = 1001;
    public const int ProtocolError = 1002;
    public const int UnsupportedData = 1003;
    public const int PolicyViolation = 1008;
    public const int MessageTooBig = 1009;
    public const int InternalError = 1011;

    public static byte[] Build(int status, string reason)
    {
        Span<byte> payload = stackalloc byte[125];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);
        var reasonBytes = Encoding.UTF8.GetBytes(reason);
        var reasonLength = Math.Min(reasonBytes.Length, 123);
        // Cut before a character, never inside one: the reason must stay valid UTF-8 (§5.5.1).
        while (reasonLength < reasonBytes.Length && (reasonBytes[reasonLength] & 0xC0) == 0x80)
        {
            reasonLength--;
        }
        reasonBytes.AsSpan(0, reasonLength).CopyTo(payload[2..]);
        var length = 2 + reasonLength;
        var frame = new byte[WebSocketFraming.HeaderLength(length) + length];
        var header = WebSocketFraming.WriteHeader(frame, WebSocketOpcode.Close, length);
        payload[..length].CopyTo(frame.AsSpan(header));
        return frame;
    }
}
