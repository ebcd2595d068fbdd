using Topiary.Gateway.Transport;

namespace Topiary.Tests.Gateway.Transport;

/// <summary>Server frame headers at the 7-bit / 16-bit / 64-bit length boundaries, decoded independently.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class WebSocketFramingTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(125, 2)]
    [InlineData(126, 4)]
    [InlineData(127, 4)]
    [InlineData(65535, 4)]
    [InlineData(65536, 10)]
    [InlineData(1_000_000, 10)]
    public void Header_length_switches_encoding_at_126_and_65536(int payloadLength, int headerLength)
    {
        Assert.Equal(headerLength, WebSocketFraming.HeaderLength(payloadLength));
        Assert.True(headerLength <= WebSocketFraming.MaxHeaderLength);
    }

    [Theory]
    [InlineData(0x1, 0)]
    [InlineData(0x2, 125)]
    [InlineData(0x1, 126)]
    [InlineData(0x2, 65535)]
    [InlineData(0x2, 65536)]
    [InlineData(0x8, 2)]
    [InlineData(0x9, 125)]
    [InlineData(0xA, 0)]
    public void Written_frame_decodes_to_the_same_opcode_length_and_payload(byte opcode, int payloadLength)
    {
        var payload = ClientFrame.Payload(payloadLength, seed: payloadLength);
        var frame = new byte[WebSocketFraming.HeaderLength(payloadLength) + payloadLength];

        var header = WebSocketFraming.WriteHeader(frame, (WebSocketOpcode)opcode, payloadLength);
        payload.CopyTo(frame.AsSpan(header));
        var decoded = ServerFrameDecoder.Decode(frame, out var consumed);

        Assert.Equal(frame.Length, consumed);
        Assert.Equal(WebSocketFraming.HeaderLength(payloadLength), header);
        Assert.Equal(header, decoded.HeaderLength);
        Assert.True(decoded.Fin);
        Assert.Equal(opcode, decoded.Opcode);
        Assert.Equal(payload, decoded.Payload);
    }

    [Fact]
    public void Write_header_writes_only_its_own_bytes()
    {
        var buffer = Enumerable.Repeat((byte)0xEE, 16).ToArray();

        var header = WebSocketFraming.WriteHeader(buffer, WebSocketOpcode.Text, 300);

        Assert.Equal(4, header);
        Assert.All(buffer[header..], b => Assert.Equal(0xEE, b));
    }

    [Theory]
    [InlineData(0x1, 0)]
    [InlineData(0x2, 125)]
    [InlineData(0x1, 126)]
    [InlineData(0x2, 65535)]
    [InlineData(0x2, 65536)]
    [InlineData(0x8, 2)]
    public void Read_header_reads_back_what_write_header_wrote(byte opcode, int payloadLength)
    {
        var frame = new byte[WebSocketFraming.MaxHeaderLength];
        var written = WebSocketFraming.WriteHeader(frame, (WebSocketOpcode)opcode, payloadLength);

        var read = WebSocketFraming.ReadHeader(frame, out var readOpcode, out var readLength);

        Assert.Equal(written, read);
        Assert.Equal((WebSocketOpcode)opcode, readOpcode);
        Assert.Equal(payloadLength, readLength);
    }
}
