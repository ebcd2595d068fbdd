using System.Buffers.Binary;
using Topiary.Gateway.Protocol;
using Topiary.Tests.Gateway.Transport;

namespace Topiary.Tests.Gateway.Protocol;

/// <summary>The binary value frame of docs/protocol.md §5, WebSocket header included, decoded independently.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ValueFrameTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(103, 2)]
    [InlineData(104, 4)]
    [InlineData(65513, 4)]
    [InlineData(65514, 10)]
    [InlineData(300_000, 10)]
    public void Frame_length_counts_the_websocket_header_for_the_22_byte_prefix_plus_payload(int payloadLength, int webSocketHeader)
    {
        Assert.Equal(webSocketHeader + ValueFrame.HeaderLength + payloadLength, ValueFrame.FrameLength(payloadLength));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(103, ValueFrame.FlagInitial)]
    [InlineData(104, 0)]
    [InlineData(65513, 0)]
    [InlineData(65514, ValueFrame.FlagInitial)]
    public void Written_frame_is_one_final_binary_message_with_the_documented_layout(int payloadLength, byte flags)
    {
        var payload = ClientFrame.Payload(payloadLength, seed: payloadLength);
        var buffer = new byte[ValueFrame.FrameLength(payloadLength) + 5];

        var written = ValueFrame.Write(buffer, flags, topicId: 0xFEDCBA98, epoch: 0x0123456789ABCDEF, sequence: long.MaxValue, payload);
        var frame = ServerFrameDecoder.Decode(buffer.AsSpan(0, written), out var consumed);

        Assert.Equal(ValueFrame.FrameLength(payloadLength), written);
        Assert.Equal(written, consumed);
        Assert.True(frame.Fin);
        Assert.Equal(0x2, frame.Opcode);
        var body = frame.Payload;
        Assert.Equal(1, body[0]);
        Assert.Equal(flags, body[1]);
        Assert.Equal(0xFEDCBA98u, BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(2)));
        Assert.Equal(0x0123456789ABCDEFul, BinaryPrimitives.ReadUInt64LittleEndian(body.AsSpan(6)));
        Assert.Equal(long.MaxValue, BinaryPrimitives.ReadInt64LittleEndian(body.AsSpan(14)));
        Assert.Equal(payload, body[22..]);
    }

    [Fact]
    public void Cleared_value_frame_has_the_no_value_flag_and_no_payload()
    {
        var buffer = new byte[ValueFrame.FrameLength(0)];

        ValueFrame.Write(buffer, ValueFrame.FlagNoValue, topicId: 1, epoch: 2, sequence: 3, []);
        var frame = ServerFrameDecoder.Decode(buffer, out _);

        Assert.Equal(22, frame.Payload.Length);
        Assert.Equal(ValueFrame.FlagNoValue, frame.Payload[1]);
    }

    [Fact]
    public void Example_of_protocol_section_7_encodes_as_documented()
    {
        // docs/protocol.md §7: <binary 01 00 01000000 <epoch> 0100000000000000 68656c6c6f>
        var buffer = new byte[ValueFrame.FrameLength(5)];

        ValueFrame.Write(buffer, 0, topicId: 1, epoch: 0x9d1c33f0a3b2e001, sequence: 1, "hello"u8);
        var body = ServerFrameDecoder.Decode(buffer, out _).Payload;

        Assert.Equal("01000100000001E0B2A3F0331C9D010000000000000068656C6C6F", Convert.ToHexString(body));
    }
}
