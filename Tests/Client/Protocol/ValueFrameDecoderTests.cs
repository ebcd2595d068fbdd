using Topiary.Client.Protocol;

namespace Topiary.Tests.Client.Protocol;

/// <summary>Binary value frames (protocol §5).</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ValueFrameDecoderTests
{
    [Fact]
    public void Well_formed_frame_decodes_every_field()
    {
        var frame = ServerConnection.ValueFrame(topicId: 0xFEDCBA98, sequence: ulong.MaxValue, payload: "hello"u8, flags: 0b10, epoch: 0x0102030405060708);
        Assert.Equal(FrameStatus.Value, ValueFrameDecoder.TryDecode(frame, out var value));
        Assert.Equal(0xFEDCBA98u, value.TopicId);
        Assert.Equal(0x0102030405060708ul, value.Epoch);
        Assert.Equal(ulong.MaxValue, value.Sequence);
        Assert.True(value.IsInitial);
        Assert.True(value.HasValue);
        Assert.Equal("hello"u8.ToArray(), value.Payload.ToArray());
    }

    [Fact]
    public void Header_fields_are_little_endian()
    {
        byte[] frame = [1, 0, 7, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 41, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(FrameStatus.Value, ValueFrameDecoder.TryDecode(frame, out var value));
        Assert.Equal(7u, value.TopicId);
        Assert.Equal(1ul, value.Epoch);
        Assert.Equal(41ul, value.Sequence);
        Assert.True(value.Payload.IsEmpty);
        Assert.False(value.IsInitial);
    }

    [Fact]
    public void No_value_flag_means_no_payload()
    {
        var frame = ServerConnection.ValueFrame(1, 2, [], flags: 0b01);
        Assert.Equal(FrameStatus.Value, ValueFrameDecoder.TryDecode(frame, out var value));
        Assert.False(value.HasValue);
        Assert.Equal(FrameStatus.Malformed, ValueFrameDecoder.TryDecode(ServerConnection.ValueFrame(1, 2, [1], flags: 0b01), out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(21)]
    public void Truncated_frames_are_malformed(int length)
    {
        var frame = ServerConnection.ValueFrame(1, 2, [9, 9])[..length];
        Assert.Equal(FrameStatus.Malformed, ValueFrameDecoder.TryDecode(frame, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(255)]
    public void Frames_of_unknown_kinds_are_ignored_whatever_their_length(byte kind)
    {
        Assert.Equal(FrameStatus.UnknownKind, ValueFrameDecoder.TryDecode([kind], out _));
        Assert.Equal(FrameStatus.UnknownKind, ValueFrameDecoder.TryDecode([kind, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23], out _));
    }

    [Fact]
    public void ERR_31_any_bytes_decode_or_are_rejected_never_throw()
    {
        var random = new Random(31);
        for (var i = 0; i < 10_000; i++)
        {
            var frame = new byte[random.Next(0, 40)];
            random.NextBytes(frame);
            if (frame.Length > 0 && random.Next(2) == 0)
            {
                frame[0] = 1;
            }
            var status = ValueFrameDecoder.TryDecode(frame, out var value);
            Assert.True(status != FrameStatus.Value || value.Payload.Length == frame.Length - ValueFrameDecoder.HeaderLength);
        }
    }
}
