using System.Buffers.Binary;
using System.Net.Sockets;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Transport;

namespace Topiary.Benchmarks.Delivery;

/// <summary>
/// The gateway's write path over raw sockets: one value frame (WebSocket header included) built
/// per update and copied into each connection's <see cref="OutboundQueue"/>, whose writer loop
/// sends everything queued since its last write in one call — as <c>SessionConnection</c> runs it.
/// With <c>batchWakeups</c> the writers an update finds idle are woken by shared work items
/// (<see cref="WriterWakeups"/>), as <c>GatewayTopic</c> does; without, each enqueue wakes its
/// own writer with a thread-pool hop (the gateway before that change; kept for comparison).
/// </summary>
internal sealed class TopiaryWritePath : IDeliveryPath
{
    private readonly OutboundQueue[] _queues;
    private readonly Task[] _writers;
    private readonly CountingStream[] _streams;
    private readonly byte[] _frame;
    private readonly byte[] _value;
    private readonly bool _batchWakeups;

    public TopiaryWritePath(Socket[] sockets, int valueBytes, bool batchWakeups)
    {
        _batchWakeups = batchWakeups;
        _value = new byte[valueBytes];
        _frame = new byte[ValueFrame.FrameLength(valueBytes)];
        _queues = new OutboundQueue[sockets.Length];
        _writers = new Task[sockets.Length];
        _streams = new CountingStream[sockets.Length];
        for (var i = 0; i < sockets.Length; i++)
        {
            var queue = _queues[i] = new OutboundQueue(16 * 1024 * 1024);
            var stream = _streams[i] = new CountingStream(new NetworkStream(sockets[i], ownsSocket: true));
            _writers[i] = Task.Run(() => queue.RunWriterAsync(stream, CancellationToken.None));
        }
    }

    public string Name => _batchWakeups ? "Topiary OutboundQueue" : "Topiary, one wake-up per queue";

    public long Writes
    {
        get
        {
            long writes = 0;
            foreach (var stream in _streams)
            {
                writes += stream.Writes;
            }
            return writes;
        }
    }

    public void Publish(long sequence)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_value, sequence);
        var length = ValueFrame.Write(_frame, 0, 1, 1, sequence, _value);
        var frame = _frame.AsSpan(0, length);
        WriterWakeups? wakeups = null;
        foreach (var queue in _queues)
        {
            if (!(_batchWakeups ? queue.TryEnqueue(frame, ref wakeups) : queue.TryEnqueue(frame)))
            {
                throw new InvalidOperationException("an outbound queue overflowed: the drain client fell more than 16 MiB behind");
            }
        }
        WriterWakeups.Dispatch(ref wakeups);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Complete([], discardPending: false);
        }
        await Task.WhenAll(_writers);
        for (var i = 0; i < _queues.Length; i++)
        {
            _queues[i].Dispose();
            await _streams[i].DisposeAsync();
        }
    }
}
