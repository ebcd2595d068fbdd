using System.Buffers.Binary;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Threading.Channels;
using Topiary.Gateway.Protocol;

namespace Topiary.Benchmarks.Delivery;

/// <summary>
/// The baseline: a server <see cref="WebSocket"/> per connection (<see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>
/// over the accepted socket) with a queue and a writer loop that calls
/// <see cref="WebSocket.SendAsync(ReadOnlyMemory{byte}, WebSocketMessageType, bool, CancellationToken)"/>
/// once per message — the usual way to fan out over System.Net.WebSockets, since a WebSocket
/// allows one send at a time. The message body is encoded once per update and shared, so the
/// difference from <see cref="TopiaryWritePath"/> is the write path alone.
/// </summary>
internal sealed class WebSocketSendPath : IDeliveryPath
{
    private readonly WebSocket[] _sockets;
    private readonly CountingStream[] _streams;
    private readonly Channel<ReadOnlyMemory<byte>>[] _queues;
    private readonly Task[] _writers;
    private readonly byte[] _value;

    public WebSocketSendPath(Socket[] sockets, int valueBytes)
    {
        _value = new byte[valueBytes];
        _sockets = new WebSocket[sockets.Length];
        _streams = new CountingStream[sockets.Length];
        _queues = new Channel<ReadOnlyMemory<byte>>[sockets.Length];
        _writers = new Task[sockets.Length];
        var options = new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero };
        for (var i = 0; i < sockets.Length; i++)
        {
            _streams[i] = new CountingStream(new NetworkStream(sockets[i], ownsSocket: true));
            var socket = _sockets[i] = WebSocket.CreateFromStream(_streams[i], options);
            var queue = _queues[i] = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            _writers[i] = Task.Run(() => WriteAsync(socket, queue.Reader));
        }
    }

    public string Name => "WebSocket.SendAsync";

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
        // Queued messages are referenced until sent, so each update needs its own array (shared by all connections).
        BinaryPrimitives.WriteInt64LittleEndian(_value, sequence);
        var frame = new byte[ValueFrame.FrameLength(_value.Length)];
        var length = ValueFrame.Write(frame, 0, 1, 1, sequence, _value);
        // SendAsync adds its own WebSocket header: hand it the protocol message only.
        var body = frame.AsMemory(length - ValueFrame.HeaderLength - _value.Length);
        foreach (var queue in _queues)
        {
            queue.Writer.TryWrite(body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Writer.Complete();
        }
        await Task.WhenAll(_writers);
        foreach (var socket in _sockets)
        {
            socket.Abort();
            socket.Dispose();
        }
    }

    private static async Task WriteAsync(WebSocket socket, ChannelReader<ReadOnlyMemory<byte>> queue)
    {
        while (await queue.WaitToReadAsync())
        {
            while (queue.TryRead(out var message))
            {
                await socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            }
        }
    }
}
