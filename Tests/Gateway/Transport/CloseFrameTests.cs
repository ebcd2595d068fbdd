using System.Buffers.Binary;
using System.Text;
using Topiary.Gateway.Transport;

namespace Topiary.Tests.Gateway.Transport;

/// <summary>Server close frames (RFC 6455 §5.5.1): status, reason, and the 125-byte control frame limit.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class CloseFrameTests
{
    [Theory]
    [InlineData(CloseFrame.NormalClosure, "")]
    [InlineData(CloseFrame.ProtocolError, "protocol error")]
    [InlineData(CloseFrame.UnsupportedData, "binary frames are not accepted")]
    [InlineData(CloseFrame.PolicyViolation, "AUTHENTICATION_FAILED")]
    [InlineData(CloseFrame.MessageTooBig, "message too big")]
    [InlineData(CloseFrame.InternalError, "internal error")]
    public void Close_frame_carries_status_big_endian_then_the_reason(int status, string reason)
    {
        var decoded = ServerFrameDecoder.Decode(CloseFrame.Build(status, reason), out _);

        Assert.Equal(0x8, decoded.Opcode);
        Assert.Equal(status, BinaryPrimitives.ReadUInt16BigEndian(decoded.Payload));
        Assert.Equal(reason, Encoding.UTF8.GetString(decoded.Payload.AsSpan(2)));
    }

    [Fact]
    public void Long_ascii_reason_is_cut_to_fit_a_125_byte_control_frame()
    {
        var decoded = ServerFrameDecoder.Decode(CloseFrame.Build(CloseFrame.PolicyViolation, new string('x', 500)), out var consumed);

        Assert.Equal(125, decoded.Payload.Length);
        Assert.Equal(2 + 125, consumed);
        Assert.Equal(new string('x', 123), Encoding.UTF8.GetString(decoded.Payload.AsSpan(2)));
    }

    [Theory]
    [InlineData("é")]
    [InlineData("🌳")]
    [InlineData("x€")]
    public void Long_reason_is_cut_on_a_character_boundary_so_it_stays_valid_utf8(string unit)
    {
        // RFC 6455 §5.5.1: the reason is UTF-8; a peer may fail the connection (1007) on a cut character.
        var reason = string.Concat(Enumerable.Repeat(unit, 200));

        var decoded = ServerFrameDecoder.Decode(CloseFrame.Build(CloseFrame.NormalClosure, reason), out _);

        Assert.True(decoded.Payload.Length <= 125);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var text = strict.GetString(decoded.Payload.AsSpan(2));
        Assert.StartsWith(text, reason, StringComparison.Ordinal);
        Assert.True(decoded.Payload.Length > 125 - Encoding.UTF8.GetByteCount(unit), "cut more than one character short");
    }
}
