using System.Text;
using Topiary.Gateway.Transport;
using Topiary.Tests.Grains.Runtime;

namespace Topiary.Tests.Gateway.Transport;

/// <summary>
/// A connection's outbound queue: frames queued while a write is in flight go out together in
/// one write, in order; the byte limit turns a slow reader into an overflow instead of unbounded
/// memory (SES-80); <c>Complete</c> ends the writer after the final frames.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class OutboundQueueTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Frames_queued_behind_a_slow_write_are_coalesced_into_one_write_in_order()
    {
        using var queue = new OutboundQueue(1024 * 1024);
        var stream = new RecordingWriteStream(holdFirstWrite: true);
        var writer = queue.RunWriterAsync(stream, CancellationToken.None);

        Assert.True(queue.TryEnqueue(WebSocketOpcode.Text, "m0"u8));
        await stream.FirstWriteStarted.WaitAsync(Timeout);
        for (var i = 1; i <= 500; i++)
        {
            Assert.True(queue.TryEnqueue(WebSocketOpcode.Text, Encoding.UTF8.GetBytes($"m{i}")));
        }
        stream.Release();
        queue.Complete([], discardPending: false);
        await writer.WaitAsync(Timeout);

        Assert.Equal(2, stream.Writes.Count);
        Assert.Equal(Enumerable.Range(0, 501).Select(i => $"m{i}"), Texts(stream));
    }

    [Fact]
    public async Task Prebuilt_frames_and_payload_frames_keep_their_relative_order()
    {
        using var queue = new OutboundQueue(1024 * 1024);
        var stream = new RecordingWriteStream();
        var prebuilt = new byte[WebSocketFraming.HeaderLength(3) + 3];
        var header = WebSocketFraming.WriteHeader(prebuilt, WebSocketOpcode.Binary, 3);
        "bin"u8.CopyTo(prebuilt.AsSpan(header));

        queue.TryEnqueue(WebSocketOpcode.Text, "one"u8);
        queue.TryEnqueue(prebuilt);
        queue.TryEnqueue(WebSocketOpcode.Text, "three"u8);
        queue.Complete([], discardPending: false);
        await queue.RunWriterAsync(stream, CancellationToken.None).WaitAsync(Timeout);

        var frames = ServerFrameDecoder.DecodeAll(stream.AllBytes);
        Assert.Equal([0x1, 0x2, 0x1], frames.Select(frame => frame.Opcode));
        Assert.Equal(["one", "bin", "three"], frames.Select(frame => Encoding.UTF8.GetString(frame.Payload)));
    }

    [Fact]
    public async Task Each_producer_s_frames_arrive_in_the_order_it_queued_them()
    {
        using var queue = new OutboundQueue(64 * 1024 * 1024);
        var stream = new RecordingWriteStream();
        var writer = Task.Run(() => queue.RunWriterAsync(stream, CancellationToken.None));
        const int Producers = 4, PerProducer = 2000;

        await Task.WhenAll(Enumerable.Range(0, Producers).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < PerProducer; i++)
            {
                Assert.True(queue.TryEnqueue(WebSocketOpcode.Text, Encoding.UTF8.GetBytes($"{p}:{i}")));
            }
        })));
        queue.Complete([], discardPending: false);
        await writer.WaitAsync(Timeout);

        var received = Texts(stream).Select(text => text.Split(':')).ToList();
        Assert.Equal(Producers * PerProducer, received.Count);
        for (var p = 0; p < Producers; p++)
        {
            var own = received.Where(parts => parts[0] == p.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Select(parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, PerProducer), own);
        }
    }

    [Fact]
    public void SES_80_the_limit_is_inclusive_and_the_first_frame_past_it_overflows_the_queue_for_good()
    {
        using var queue = new OutboundQueue(1000);
        var frame = new byte[100];

        for (var i = 0; i < 10; i++)
        {
            Assert.True(queue.TryEnqueue(frame), $"frame {i}");
        }
        Assert.False(queue.Overflowed);
        Assert.False(queue.TryEnqueue(frame));
        Assert.True(queue.Overflowed);
        Assert.False(queue.TryEnqueue(new byte[1]));
        Assert.False(queue.TryEnqueue(WebSocketOpcode.Text, []));
    }

    [Fact]
    public void SES_80_one_frame_larger_than_the_whole_limit_overflows_an_empty_queue()
    {
        using var queue = new OutboundQueue(1000);

        Assert.False(queue.TryEnqueue(WebSocketOpcode.Binary, new byte[999]));

        Assert.True(queue.Overflowed);
    }

    [Fact]
    public async Task SES_80_the_limit_bounds_bytes_waiting_not_bytes_ever_sent()
    {
        using var queue = new OutboundQueue(1000);
        var stream = new RecordingWriteStream();
        var writer = Task.Run(() => queue.RunWriterAsync(stream, CancellationToken.None));

        for (var i = 0; i < 100; i++)
        {
            Assert.True(queue.TryEnqueue(new byte[500]), $"frame {i}");
            await WaitUntilAsync(() => stream.BytesWritten == (i + 1) * 500L);
        }
        queue.Complete([], discardPending: false);
        await writer.WaitAsync(Timeout);

        Assert.False(queue.Overflowed);
        Assert.Equal(50_000, stream.BytesWritten);
    }

    [Fact]
    public async Task SES_81_after_overflow_complete_with_discard_sends_only_the_final_frames()
    {
        using var queue = new OutboundQueue(1000);
        var stream = new RecordingWriteStream();
        var notice = TextFrame("closing");
        for (var i = 0; i < 9; i++)
        {
            queue.TryEnqueue(WebSocketOpcode.Binary, new byte[100]);
        }
        Assert.False(queue.TryEnqueue(WebSocketOpcode.Binary, new byte[100]));

        queue.Complete([.. notice, .. CloseFrame.Build(CloseFrame.PolicyViolation, "overflow")], discardPending: true);
        await queue.RunWriterAsync(stream, CancellationToken.None).WaitAsync(Timeout);

        var frames = ServerFrameDecoder.DecodeAll(stream.AllBytes);
        Assert.Equal([0x1, 0x8], frames.Select(frame => frame.Opcode));
        Assert.Equal("closing", Encoding.UTF8.GetString(frames[0].Payload));
    }

    [Fact]
    public async Task SES_81_overflow_while_the_writer_is_idle_keeps_the_writer_for_the_closing_notice()
    {
        // The overflow is reported to the session's owner, which then queues a notice and a close
        // frame; the writer must still be there to send them.
        using var queue = new OutboundQueue(1000);
        var stream = new RecordingWriteStream();
        var writer = Task.Run(() => queue.RunWriterAsync(stream, CancellationToken.None));
        await Task.Delay(50);

        Assert.False(queue.TryEnqueue(WebSocketOpcode.Binary, new byte[2000]));
        await Task.WhenAny(writer, Task.Delay(200));
        Assert.False(writer.IsCompleted, "the writer ended before the final frames were queued");
        queue.Complete(TextFrame("closing"), discardPending: true);
        await writer.WaitAsync(Timeout);

        Assert.Equal(["closing"], Texts(stream));
    }

    [Fact]
    public async Task Complete_without_discard_sends_what_is_queued_then_the_final_frames_and_refuses_more()
    {
        using var queue = new OutboundQueue(1000);
        var stream = new RecordingWriteStream();
        queue.TryEnqueue(WebSocketOpcode.Text, "a"u8);
        queue.TryEnqueue(WebSocketOpcode.Text, "b"u8);

        queue.Complete(TextFrame("final"), discardPending: false);
        Assert.False(queue.TryEnqueue(WebSocketOpcode.Text, "late"u8));
        await queue.RunWriterAsync(stream, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(["a", "b", "final"], Texts(stream));
        Assert.False(queue.Overflowed);
    }

    [Fact]
    public async Task Complete_with_discard_drops_what_waits_but_not_the_write_in_flight()
    {
        using var queue = new OutboundQueue(1000);
        var stream = new RecordingWriteStream(holdFirstWrite: true);
        var writer = queue.RunWriterAsync(stream, CancellationToken.None);
        queue.TryEnqueue(WebSocketOpcode.Text, "in flight"u8);
        await stream.FirstWriteStarted.WaitAsync(Timeout);
        queue.TryEnqueue(WebSocketOpcode.Text, "waiting"u8);

        queue.Complete(TextFrame("final"), discardPending: true);
        stream.Release();
        await writer.WaitAsync(Timeout);

        Assert.Equal(["in flight", "final"], Texts(stream));
    }

    [Fact]
    public async Task A_second_complete_is_ignored_unless_it_discards()
    {
        using var queue = new OutboundQueue(1000);
        var stream = new RecordingWriteStream();
        queue.TryEnqueue(WebSocketOpcode.Text, "a"u8);

        queue.Complete(TextFrame("first"), discardPending: false);
        queue.Complete(TextFrame("ignored"), discardPending: false);
        queue.Complete(TextFrame("replacement"), discardPending: true);
        queue.Complete(TextFrame("ignored too"), discardPending: false);
        await queue.RunWriterAsync(stream, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(["replacement"], Texts(stream));
    }

    [Fact]
    public async Task Final_frames_are_queued_even_past_the_limit()
    {
        using var queue = new OutboundQueue(100);
        var stream = new RecordingWriteStream();
        queue.TryEnqueue(new byte[90]);
        var final = TextFrame(new string('f', 500));

        queue.Complete(final, discardPending: false);
        await queue.RunWriterAsync(stream, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(90 + final.Length, stream.BytesWritten);
    }

    [Fact]
    public async Task Writer_ends_when_completed_with_nothing_to_send()
    {
        using var queue = new OutboundQueue(1000);
        var stream = new RecordingWriteStream();
        var writer = queue.RunWriterAsync(stream, CancellationToken.None);
        Assert.False(writer.IsCompleted);

        queue.Complete([], discardPending: false);
        await writer.WaitAsync(Timeout);

        Assert.Empty(stream.Writes);
    }

    [Fact]
    public async Task Enqueue_does_not_allocate_on_the_steady_path()
    {
        // Frames are copied into two reused buffers; a producer (a topic's fan-out) must not
        // allocate per frame. The writer is kept inside a write while frames are queued, so the
        // measurement sees only TryEnqueue; batches stay below the initial buffer size.
        using var queue = new OutboundQueue(1024 * 1024);
        using var stream = new SteppedWriteStream();
        var writer = Task.Run(() => queue.RunWriterAsync(stream, CancellationToken.None));
        var payload = new byte[100];
        queue.TryEnqueue(WebSocketOpcode.Binary, payload);
        await stream.WaitForWriteAsync();
        long allocated = 0;

        for (var round = 0; round < 100; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 30; i++)
            {
                queue.TryEnqueue(WebSocketOpcode.Binary, payload);
            }
            var after = GC.GetAllocatedBytesForCurrentThread();
            if (round >= 10)
            {
                allocated += after - before;
            }
            stream.Allow();
            await stream.WaitForWriteAsync();
        }
        queue.Complete([], discardPending: false);
        stream.Allow();
        await writer.WaitAsync(Timeout);

        Assert.True(allocated == 0, $"{allocated} bytes allocated by 2700 enqueues");
    }

    [Fact]
    public async Task A_queue_quiet_for_a_whole_sweep_gives_its_buffers_back_and_still_works_W3()
    {
        using var queue = new OutboundQueue(1024 * 1024);
        Assert.Equal(0, queue.HeldBytes);
        var stream = new RecordingWriteStream();
        var writer = queue.RunWriterAsync(stream, CancellationToken.None);

        queue.TryEnqueue(WebSocketOpcode.Text, "first"u8);
        await Eventually.TrueAsync(() => stream.Writes.Count == 1, "the first frame is written");
        Assert.True(queue.HeldBytes > 0);

        queue.TrimIfIdle();
        Assert.True(queue.HeldBytes > 0, "used since the previous sweep: kept");
        queue.TrimIfIdle();
        Assert.Equal(0, queue.HeldBytes);

        queue.TryEnqueue(WebSocketOpcode.Text, "second"u8);
        queue.Complete([], discardPending: false);
        await writer.WaitAsync(Timeout);
        Assert.Equal(["first", "second"], Texts(stream));
    }

    [Fact]
    public async Task Buffers_are_never_given_back_while_a_write_is_reading_them_W3()
    {
        using var queue = new OutboundQueue(1024 * 1024);
        using var stream = new SteppedWriteStream();
        var writer = Task.Run(() => queue.RunWriterAsync(stream, CancellationToken.None));
        queue.TryEnqueue(WebSocketOpcode.Binary, new byte[100]);
        await stream.WaitForWriteAsync();

        queue.TrimIfIdle();
        queue.TrimIfIdle();
        Assert.True(queue.HeldBytes > 0, "the writer is inside a write");

        queue.Complete([], discardPending: false);
        stream.Allow();
        await writer.WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_producer_waiting_for_room_resumes_once_the_writer_has_taken_the_queued_bytes()
    {
        using var queue = new OutboundQueue(1024 * 1024);
        using var stream = new SteppedWriteStream();
        queue.TryEnqueue(WebSocketOpcode.Binary, new byte[100]);
        Assert.True(queue.WaitForRoomAsync().IsCompleted, "100 bytes queued is within half the limit");

        queue.TryEnqueue(WebSocketOpcode.Binary, new byte[600 * 1024]);
        var waiting = queue.WaitForRoomAsync();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        var writer = Task.Run(() => queue.RunWriterAsync(stream, CancellationToken.None));
        await stream.WaitForWriteAsync();
        await waiting.WaitAsync(Timeout);

        queue.Complete([], discardPending: false);
        stream.Allow();
        stream.Allow();
        await writer.WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_producer_waiting_for_room_is_released_when_the_queue_completes_or_overflows()
    {
        using var completed = new OutboundQueue(1024 * 1024);
        completed.TryEnqueue(WebSocketOpcode.Binary, new byte[600 * 1024]);
        var waitingOnCompleted = completed.WaitForRoomAsync();
        completed.Complete([], discardPending: false);
        await waitingOnCompleted.WaitAsync(Timeout);

        using var overflowing = new OutboundQueue(64 * 1024);
        overflowing.TryEnqueue(WebSocketOpcode.Binary, new byte[40 * 1024]);
        var waitingOnOverflow = overflowing.WaitForRoomAsync();
        Assert.False(overflowing.TryEnqueue(WebSocketOpcode.Binary, new byte[40 * 1024]));
        await waitingOnOverflow.WaitAsync(Timeout);
        Assert.True(overflowing.Overflowed);
    }

    private static byte[] TextFrame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new byte[WebSocketFraming.HeaderLength(payload.Length) + payload.Length];
        payload.CopyTo(frame.AsSpan(WebSocketFraming.WriteHeader(frame, WebSocketOpcode.Text, payload.Length)));
        return frame;
    }

    private static List<string> Texts(RecordingWriteStream stream) =>
        [.. ServerFrameDecoder.DecodeAll(stream.AllBytes).Select(frame => Encoding.UTF8.GetString(frame.Payload))];

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(1);
        }
    }
}
