using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text;
using Topiary.Gateway.Transport;

namespace Topiary.Tests.Gateway.Transport;

/// <summary>
/// The gateway's RFC 6455 frame reader: message reassembly, masking, control frames, and the
/// protocol errors (1002) and size errors (1009) that close a connection (ERR-31, SES-13).
/// Every input is fed both in one piece and one byte at a time.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class WebSocketReaderTests
{
    private const int Limit = 1024 * 1024;

    // Opcodes travel as bytes: the enum is internal to the gateway and theory data is public.
    public static TheoryData<byte, int, int> Sizes()
    {
        var data = new TheoryData<byte, int, int>();
        foreach (var opcode in new[] { (byte)WebSocketOpcode.Text, (byte)WebSocketOpcode.Binary })
        {
            foreach (var size in new[] { 0, 1, 125, 126, 127, 65535, 65536, 70000 })
            {
                data.Add(opcode, size, int.MaxValue);
                // Tiny reads split headers and masks everywhere; big payloads get medium reads to stay fast.
                data.Add(opcode, size, size < 1000 ? 7 : 997);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Masked_frame_of_any_length_encoding_is_read_and_unmasked(byte opcodeByte, int size, int maxChunk)
    {
        var opcode = (WebSocketOpcode)opcodeByte;
        var payload = ClientFrame.Payload(size, seed: size);
        var stream = new TrickleStream(ClientFrame.Build(opcode, payload), maxChunk);
        using var reader = new WebSocketReader(stream, Limit, _ => { });

        var message = await reader.ReadMessageAsync(CancellationToken.None);

        Assert.Equal(opcode, message.Opcode);
        Assert.Equal(payload, message.Payload.ToArray());
        Assert.True((await reader.ReadMessageAsync(CancellationToken.None)).IsClose);
    }

    [Fact]
    public async Task Every_mask_key_byte_position_survives_byte_by_byte_delivery()
    {
        byte[] mask = [0x01, 0x80, 0xFF, 0x5A];
        var payload = Encoding.UTF8.GetBytes("{\"id\":1,\"op\":\"session.ping\"}");
        var stream = new TrickleStream(ClientFrame.Build(WebSocketOpcode.Text, payload, mask: mask), maxChunk: 1);
        using var reader = new WebSocketReader(stream, Limit, _ => { });

        var message = await reader.ReadMessageAsync(CancellationToken.None);

        Assert.Equal(payload, message.Payload.ToArray());
    }

    [Fact]
    public async Task Non_minimal_length_encodings_are_accepted()
    {
        // RFC 6455 asks senders for the minimal encoding; accepting a longer one costs nothing.
        var payload = ClientFrame.Payload(5);
        var bytes = ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Binary, payload, lengthCode: 126),
            ClientFrame.Build(WebSocketOpcode.Binary, payload, lengthCode: 127));
        using var reader = new WebSocketReader(new TrickleStream(bytes, 3), Limit, _ => { });

        Assert.Equal(payload, (await reader.ReadMessageAsync(CancellationToken.None)).Payload.ToArray());
        Assert.Equal(payload, (await reader.ReadMessageAsync(CancellationToken.None)).Payload.ToArray());
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    public async Task Fragmented_message_with_interleaved_ping_and_pong_is_reassembled_and_ping_payload_handed_over(int maxChunk)
    {
        var bytes = ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Text, "Hel"u8, fin: false),
            ClientFrame.Build(WebSocketOpcode.Ping, "p1"u8),
            ClientFrame.Build(WebSocketOpcode.Continuation, "lo"u8, fin: false),
            ClientFrame.Build(WebSocketOpcode.Pong, "ignored"u8),
            ClientFrame.Build(WebSocketOpcode.Continuation, []),
            ClientFrame.Build(WebSocketOpcode.Ping, []),
            ClientFrame.Build(WebSocketOpcode.Binary, [1, 2, 3]));
        var pings = new List<string>();
        using var reader = new WebSocketReader(new TrickleStream(bytes, maxChunk), Limit,
            payload => pings.Add(Encoding.UTF8.GetString(payload.Span)));

        var first = await reader.ReadMessageAsync(CancellationToken.None);
        Assert.Equal(WebSocketOpcode.Text, first.Opcode);
        Assert.Equal("Hello", Encoding.UTF8.GetString(first.Payload.Span));
        var second = await reader.ReadMessageAsync(CancellationToken.None);
        Assert.Equal(WebSocketOpcode.Binary, second.Opcode);
        Assert.Equal([1, 2, 3], second.Payload.ToArray());
        Assert.Equal(["p1", ""], pings);
        Assert.True((await reader.ReadMessageAsync(CancellationToken.None)).IsClose);
    }

    [Fact]
    public async Task Large_fragmented_binary_message_keeps_earlier_fragments_when_the_buffer_grows()
    {
        var payload = ClientFrame.Payload(200_000, seed: 9);
        var bytes = ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Binary, payload.AsSpan(0, 10_000), fin: false),
            ClientFrame.Build(WebSocketOpcode.Continuation, payload.AsSpan(10_000, 90_000), fin: false),
            ClientFrame.Build(WebSocketOpcode.Continuation, payload.AsSpan(100_000)));
        using var reader = new WebSocketReader(new TrickleStream(bytes, 5000), Limit, _ => { });

        Assert.Equal(payload, (await reader.ReadMessageAsync(CancellationToken.None)).Payload.ToArray());
    }

    [Fact]
    public async Task Close_frame_is_reported_with_its_status_and_reason()
    {
        var payload = new byte[7];
        BinaryPrimitives.WriteUInt16BigEndian(payload, 1001);
        "going"u8.CopyTo(payload.AsSpan(2));
        var bytes = ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Close, payload),
            ClientFrame.Build(WebSocketOpcode.Text, "after close"u8));
        using var reader = new WebSocketReader(new TrickleStream(bytes, 2), Limit, _ => { });

        var message = await reader.ReadMessageAsync(CancellationToken.None);

        Assert.True(message.IsClose);
        Assert.Equal(payload, message.Payload.ToArray());
    }

    [Fact]
    public async Task End_of_stream_between_frames_is_reported_as_close()
    {
        using var reader = new WebSocketReader(new MemoryStream([]), Limit, _ => { });

        var message = await reader.ReadMessageAsync(CancellationToken.None);

        Assert.True(message.IsClose);
        Assert.True(message.Payload.IsEmpty);
    }

    [Fact]
    public async Task A_message_of_exactly_the_limit_is_accepted()
    {
        var payload = ClientFrame.Payload(1000);
        var bytes = ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Text, payload.AsSpan(0, 600), fin: false),
            ClientFrame.Build(WebSocketOpcode.Continuation, payload.AsSpan(600)));
        using var reader = new WebSocketReader(new MemoryStream(bytes), maxMessageBytes: 1000, _ => { });

        Assert.Equal(payload, (await reader.ReadMessageAsync(CancellationToken.None)).Payload.ToArray());
    }

    public static TheoryData<string, byte[]> ProtocolErrors() => new()
    {
        { "unmasked client frame", ClientFrame.Build(WebSocketOpcode.Text, "hi"u8, masked: false) },
        { "unmasked close frame", ClientFrame.Build(WebSocketOpcode.Close, [3, 232], masked: false) },
        { "RSV1 set", ClientFrame.Build(WebSocketOpcode.Text, "hi"u8, reservedBits: 0x40) },
        { "RSV2 set", ClientFrame.Build(WebSocketOpcode.Binary, "hi"u8, reservedBits: 0x20) },
        { "RSV3 set", ClientFrame.Build(WebSocketOpcode.Ping, [], reservedBits: 0x10) },
        { "continuation without a start", ClientFrame.Build(WebSocketOpcode.Continuation, "x"u8) },
        { "non-final continuation without a start", ClientFrame.Build(WebSocketOpcode.Continuation, "x"u8, fin: false) },
        { "text inside a fragmented message", ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Text, "a"u8, fin: false), ClientFrame.Build(WebSocketOpcode.Text, "b"u8)) },
        { "binary inside a fragmented message", ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Binary, "a"u8, fin: false), ClientFrame.Build(WebSocketOpcode.Binary, "b"u8)) },
        { "data opcode 0x3", ClientFrame.Build(0x3, "x"u8) },
        { "data opcode 0x7", ClientFrame.Build(0x7, "x"u8) },
        { "control opcode 0xB", ClientFrame.Build(0xB, []) },
        { "control opcode 0xF", ClientFrame.Build(0xF, []) },
        { "ping of 126 bytes", ClientFrame.Build(WebSocketOpcode.Ping, new byte[126]) },
        { "close of 126 bytes", ClientFrame.Build(WebSocketOpcode.Close, new byte[126]) },
        { "pong with a 64-bit length", ClientFrame.Build(WebSocketOpcode.Pong, [], declaredLength: 1UL << 40) },
        { "fragmented ping", ClientFrame.Build(WebSocketOpcode.Ping, "p"u8, fin: false) },
        { "fragmented close", ClientFrame.Build(WebSocketOpcode.Close, [3, 232], fin: false) },
        { "64-bit length with the most significant bit set", ClientFrame.Build(WebSocketOpcode.Binary, [], declaredLength: 1UL << 63) },
        { "stream ends inside the payload", ClientFrame.Build(WebSocketOpcode.Text, "hello"u8)[..^2] },
        { "stream ends inside the mask", ClientFrame.Build(WebSocketOpcode.Text, "hello"u8)[..4] },
        { "stream ends inside the extended length", ClientFrame.Build(WebSocketOpcode.Binary, new byte[300])[..3] },
        { "stream ends after the first header byte", ClientFrame.Build(WebSocketOpcode.Text, "hello"u8)[..1] },
        { "stream ends inside a fragmented message", ClientFrame.Build(WebSocketOpcode.Text, "hel"u8, fin: false) },
    };

    [Theory]
    [MemberData(nameof(ProtocolErrors))]
    public async Task ERR_31_broken_frames_close_with_1002(string description, byte[] bytes)
    {
        foreach (var maxChunk in new[] { int.MaxValue, 1 })
        {
            using var reader = new WebSocketReader(new TrickleStream(bytes, maxChunk), Limit, _ => { });

            var exception = await Assert.ThrowsAsync<WebSocketProtocolException>(() => reader.ReadMessageAsync(CancellationToken.None).AsTask());

            Assert.True(exception.CloseStatus == CloseFrame.ProtocolError, $"{description}: {exception.CloseStatus} {exception.Message}");
            Assert.False(string.IsNullOrWhiteSpace(exception.Message));
        }
    }

    public static TheoryData<string, byte[], int> OversizedMessages() => new()
    {
        { "one frame one byte over", ClientFrame.Build(WebSocketOpcode.Text, new byte[1001]), CloseFrame.MessageTooBig },
        { "declared 16-bit length over, payload never sent",
            ClientFrame.Build(WebSocketOpcode.Binary, [], declaredLength: 60_000), CloseFrame.MessageTooBig },
        { "declared 64-bit length over, payload never sent",
            ClientFrame.Build(WebSocketOpcode.Binary, [], declaredLength: (1UL << 63) - 1), CloseFrame.MessageTooBig },
        { "fragments adding up to one byte over", ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Text, new byte[500], fin: false),
            ClientFrame.Build(WebSocketOpcode.Ping, "keep-alive"u8),
            ClientFrame.Build(WebSocketOpcode.Continuation, new byte[500], fin: false),
            ClientFrame.Build(WebSocketOpcode.Continuation, new byte[1])), CloseFrame.MessageTooBig },
        { "many empty fragments then one byte too many", ClientFrame.Concat(
            [.. Enumerable.Range(0, 50).Select(_ => ClientFrame.Build(WebSocketOpcode.Continuation, [], fin: false)).Prepend(
                ClientFrame.Build(WebSocketOpcode.Binary, new byte[1000], fin: false)),
            ClientFrame.Build(WebSocketOpcode.Continuation, new byte[1])]), CloseFrame.MessageTooBig },
        // A continuation whose length would wrap the running total around 2^64 back below the
        // limit must not slip past the size check (it is also an illegal 64-bit length).
        { "continuation length wrapping past 2^64", ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Text, new byte[10], fin: false),
            ClientFrame.Build(WebSocketOpcode.Continuation, [], declaredLength: ulong.MaxValue - 4)), CloseFrame.ProtocolError },
        { "continuation length just past the remaining room", ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Text, new byte[10], fin: false),
            ClientFrame.Build(WebSocketOpcode.Continuation, [], declaredLength: 991)), CloseFrame.MessageTooBig },
    };

    [Theory]
    [MemberData(nameof(OversizedMessages))]
    public async Task SES_13_messages_over_the_limit_are_refused_before_their_payload_is_read(string description, byte[] bytes, int status)
    {
        // Where a payload is never sent, refusing must happen on the header alone.
        using var reader = new WebSocketReader(new TrickleStream(bytes, 64), maxMessageBytes: 1000, _ => { });

        var exception = await Assert.ThrowsAsync<WebSocketProtocolException>(() => reader.ReadMessageAsync(CancellationToken.None).AsTask());

        Assert.True(status == exception.CloseStatus, $"{description}: {exception.CloseStatus} {exception.Message}");
        if (status == CloseFrame.MessageTooBig)
        {
            Assert.Contains("1000 bytes", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SES_13_a_whole_message_over_the_limit_is_1009_naming_the_limit()
    {
        using var reader = new WebSocketReader(new MemoryStream(ClientFrame.Build(WebSocketOpcode.Text, new byte[70_000])), 65_536, _ => { });

        var exception = await Assert.ThrowsAsync<WebSocketProtocolException>(() => reader.ReadMessageAsync(CancellationToken.None).AsTask());

        Assert.Equal(CloseFrame.MessageTooBig, exception.CloseStatus);
        Assert.Contains("65536", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_reaches_the_stream_read()
    {
        // An empty pipe: the read waits for data that never comes, like an idle client.
        var pipe = new Pipe();
        using var reader = new WebSocketReader(pipe.Reader.AsStream(), Limit, _ => { });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadMessageAsync(cancel.Token).AsTask());
    }

    [Fact]
    public async Task An_idle_reader_holds_no_buffer_between_messages_W3()
    {
        // A pipe's stream waits on a zero-byte read, as Kestrel's upgraded stream does.
        var pipe = new Pipe();
        using var reader = new WebSocketReader(pipe.Reader.AsStream(), Limit, _ => { });
        await pipe.Writer.WriteAsync(ClientFrame.Build(WebSocketOpcode.Text, new byte[3000]));

        var first = await reader.ReadMessageAsync(CancellationToken.None);
        Assert.Equal(3000, first.Payload.Length);
        Assert.True(reader.HeldBytes > 0, "the message being handled lives in a pooled buffer");

        var next = reader.ReadMessageAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(next.IsCompleted);
        Assert.Equal(0, reader.HeldBytes);

        await pipe.Writer.WriteAsync(ClientFrame.Build(WebSocketOpcode.Text, "after the pause"u8));
        var second = await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("after the pause", System.Text.Encoding.UTF8.GetString(second.Payload.Span));
    }
}
