using Topiary.Gateway.Transport;

namespace Topiary.Tests.Gateway.Transport;

/// <summary>
/// ERR-31 for wire frames: whatever bytes a client sends, the reader returns messages within
/// the size limit or throws <see cref="WebSocketProtocolException"/> (1002 or 1009) — never
/// another exception, never a hang. Well-formed frame sequences are also checked against the
/// messages they encode.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class WebSocketReaderFuzzTests
{
    private const int Limit = 2048;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ERR_31_well_formed_frame_sequences_decode_to_the_messages_they_carry()
    {
        var random = new Random(6455);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var (bytes, expected) = Script(random);
            var outcome = await RunAsync(bytes, maxChunk: random.Next(1, 40), seed: iteration);

            Assert.True(outcome.Error is null, $"iteration {iteration}: {outcome.Error}");
            Assert.Equal(expected.Count, outcome.Messages.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Opcode, outcome.Messages[i].Opcode);
                Assert.Equal(expected[i].Payload, outcome.Messages[i].Payload);
            }
        }
    }

    [Fact]
    public async Task ERR_31_any_byte_stream_gives_messages_or_a_protocol_exception_never_anything_else()
    {
        var random = new Random(31);
        int clean = 0, rejected = 0;
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var bytes = iteration % 10 == 0 ? RandomBytes(random) : Mutate(random, Script(random).Bytes);
            var outcome = await RunAsync(bytes, maxChunk: random.Next(1, 64), seed: iteration);

            Assert.True(outcome.Error is null, $"iteration {iteration}, input {Convert.ToHexString(bytes)}: {outcome.Error}");
            foreach (var (opcode, payload) in outcome.Messages)
            {
                Assert.True(opcode is WebSocketOpcode.Text or WebSocketOpcode.Binary, $"iteration {iteration}: opcode {opcode}");
                Assert.True(payload.Length <= Limit, $"iteration {iteration}: {payload.Length} bytes");
            }
            if (outcome.Rejected is { } status)
            {
                Assert.True(status is CloseFrame.ProtocolError or CloseFrame.MessageTooBig, $"iteration {iteration}: status {status}");
                rejected++;
            }
            else
            {
                clean++;
            }
        }

        Assert.True(clean > 300 && rejected > 300, $"poor coverage: {clean} clean, {rejected} rejected");
    }

    // Reads until close or error on a worker thread, so even a synchronous infinite loop in the
    // reader shows up as a failed case instead of a hung test run.
    private static async Task<Outcome> RunAsync(byte[] bytes, int maxChunk, int seed)
    {
        var work = Task.Run(async () =>
        {
            var messages = new List<(WebSocketOpcode, byte[])>();
            var stream = new TrickleStream(bytes, maxChunk, seed);
            using var reader = new WebSocketReader(stream, Limit, payload => Assert.True(payload.Length <= 125));
            try
            {
                // Each message consumes at least two bytes, so more messages than bytes is a loop.
                while (messages.Count <= bytes.Length)
                {
                    var message = await reader.ReadMessageAsync(CancellationToken.None);
                    if (message.IsClose)
                    {
                        return new Outcome(messages, null, null);
                    }
                    messages.Add((message.Opcode, message.Payload.ToArray()));
                }
                return new Outcome(messages, null, $"{messages.Count} messages from {bytes.Length} bytes");
            }
            catch (WebSocketProtocolException exception)
            {
                return new Outcome(messages, exception.CloseStatus, null);
            }
            catch (Exception exception)
            {
                return new Outcome(messages, null, exception.ToString());
            }
        });
        if (await Task.WhenAny(work, Task.Delay(CaseTimeout)) != work)
        {
            return new Outcome([], null, $"no result within {CaseTimeout}");
        }
        return await work;
    }

    // A valid sequence of frames and the messages it carries.
    private static (byte[] Bytes, List<(WebSocketOpcode Opcode, byte[] Payload)> Messages) Script(Random random)
    {
        var frames = new List<byte[]>();
        var messages = new List<(WebSocketOpcode, byte[])>();
        var count = random.Next(0, 4);
        for (var m = 0; m < count; m++)
        {
            var opcode = random.Next(2) == 0 ? WebSocketOpcode.Text : WebSocketOpcode.Binary;
            var payload = ClientFrame.Payload(random.Next(3) == 0 ? random.Next(126, Limit + 1) : random.Next(0, 130), random.Next());
            var fragments = random.Next(1, 4);
            var offset = 0;
            for (var f = 0; f < fragments; f++)
            {
                var last = f == fragments - 1;
                var length = last ? payload.Length - offset : random.Next(0, payload.Length - offset + 1);
                var mask = ClientFrame.Payload(4, random.Next());
                frames.Add(ClientFrame.Build(f == 0 ? opcode : WebSocketOpcode.Continuation, payload.AsSpan(offset, length), fin: last, mask: mask));
                offset += length;
                if (random.Next(3) == 0)
                {
                    var control = random.Next(2) == 0 ? WebSocketOpcode.Ping : WebSocketOpcode.Pong;
                    frames.Add(ClientFrame.Build(control, ClientFrame.Payload(random.Next(0, 126), random.Next())));
                }
            }
            messages.Add((opcode, payload));
        }
        if (random.Next(3) == 0)
        {
            frames.Add(ClientFrame.Build(WebSocketOpcode.Close, [0x03, 0xE8]));
        }
        return (ClientFrame.Concat([.. frames]), messages);
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 64)];
        random.NextBytes(bytes);
        return bytes;
    }

    // Bit flips (which hit opcodes, flags, mask bits and lengths), truncation, insertion and
    // duplication of byte runs.
    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var list = new List<byte>(bytes);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = list.Count == 0 ? 0 : random.Next(list.Count);
            switch (random.Next(5))
            {
                case 0 when list.Count > 0:
                    list[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when list.Count > 0:
                    list[at] = (byte)random.Next(256);
                    break;
                case 2:
                    list.InsertRange(at, RandomBytes(random).Take(random.Next(1, 9)));
                    break;
                case 3 when list.Count > 0:
                    var length = random.Next(1, Math.Min(16, list.Count - at) + 1);
                    list.InsertRange(at, list.GetRange(at, length));
                    break;
                default:
                    list.RemoveRange(at, list.Count - at);
                    break;
            }
        }
        return [.. list];
    }

    private sealed record Outcome(List<(WebSocketOpcode Opcode, byte[] Payload)> Messages, int? Rejected, string? Error);
}
