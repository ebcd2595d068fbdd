using Topiary.Gateway.Transport;
using Topiary.Tests.Grains.Runtime;

namespace Topiary.Tests.Gateway.Transport;

/// <summary>
/// The fan-out's wake-up path: <see cref="OutboundQueue.TryEnqueue(ReadOnlySpan{byte}, ref WriterWakeups?)"/>
/// claims parked writers, and <see cref="WriterWakeups"/> wakes each of them exactly once, however
/// many connections an update goes to.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class WriterWakeupsTests
{
    [Fact]
    public async Task Every_connection_gets_every_frame_in_order_across_several_batches()
    {
        const int connections = WriterWakeups.Capacity * 2 + 7;
        var queues = new OutboundQueue[connections];
        var sinks = new CollectingStream[connections];
        var writers = new Task[connections];
        for (var i = 0; i < connections; i++)
        {
            var (queue, sink) = (queues[i] = new OutboundQueue(1 << 20), sinks[i] = new CollectingStream());
            writers[i] = Task.Run(() => queue.RunWriterAsync(sink, CancellationToken.None));
        }

        for (var update = 1; update <= 30; update++)
        {
            WriterWakeups? wakeups = null;
            foreach (var queue in queues)
            {
                Assert.True(queue.TryEnqueue([(byte)update], ref wakeups));
            }
            WriterWakeups.Dispatch(ref wakeups);
            if (update % 10 == 0)
            {
                // Let the writers drain and park, so the next updates find them idle and claim them.
                await Task.Delay(20);
            }
        }
        foreach (var queue in queues)
        {
            queue.Complete([], discardPending: false);
        }
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(10));

        var expected = Enumerable.Range(1, 30).Select(i => (byte)i).ToArray();
        Assert.All(sinks, sink => Assert.Equal(expected, sink.Bytes()));
        foreach (var queue in queues)
        {
            queue.Dispose();
        }
    }

    [Fact]
    public async Task A_claimed_writer_waits_for_the_batch_and_then_writes_everything_queued()
    {
        using var queue = new OutboundQueue(1 << 20);
        var sink = new CollectingStream();
        var writer = Task.Run(() => queue.RunWriterAsync(sink, CancellationToken.None));
        Assert.True(queue.TryEnqueue([1]));
        await Eventually.TrueAsync(() => sink.Bytes().Length == 1, "the first frame is written");
        await Task.Delay(50);

        WriterWakeups? wakeups = null;
        Assert.True(queue.TryEnqueue([2], ref wakeups));
        Assert.True(queue.TryEnqueue([3], ref wakeups));
        Assert.NotNull(wakeups);
        // The producer only collected the wake-up: nothing may run until the batch is dispatched.
        await Task.Delay(50);
        Assert.Equal([1], sink.Bytes());

        WriterWakeups.Dispatch(ref wakeups);
        Assert.Null(wakeups);
        await Eventually.TrueAsync(() => sink.Bytes().Length == 3, "the batch wakes the writer");
        Assert.Equal([1, 2, 3], sink.Bytes());
        Assert.Equal(2, sink.Writes);

        queue.Complete([], discardPending: false);
        await writer.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Completing_a_queue_whose_wake_up_was_claimed_ends_its_writer_once_the_batch_runs()
    {
        using var queue = new OutboundQueue(1 << 20);
        var sink = new CollectingStream();
        var writer = Task.Run(() => queue.RunWriterAsync(sink, CancellationToken.None));
        Assert.True(queue.TryEnqueue([1]));
        // Once its first write is done the writer parks straight away; the delay only covers preemption.
        await Eventually.TrueAsync(() => sink.Bytes().Length == 1, "the first frame is written");
        await Task.Delay(50);

        WriterWakeups? wakeups = null;
        Assert.True(queue.TryEnqueue([7], ref wakeups));
        Assert.NotNull(wakeups);
        queue.Complete([9], discardPending: false);
        await Task.Delay(50);
        Assert.False(writer.IsCompleted);

        WriterWakeups.Dispatch(ref wakeups);
        await writer.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1, 7, 9], sink.Bytes());
    }

    /// <summary>Keeps what a writer wrote; safe to read from the test thread while it writes.</summary>
    private sealed class CollectingStream : Stream
    {
        private readonly Lock _gate = new();
        private readonly MemoryStream _written = new();

        public int Writes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public byte[] Bytes()
        {
            lock (_gate)
            {
                return _written.ToArray();
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_gate)
            {
                _written.Write(buffer);
                Writes++;
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
