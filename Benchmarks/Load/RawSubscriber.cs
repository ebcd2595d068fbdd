using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// A subscribing session that costs the load tool as little as possible: a bare
/// <see cref="ClientWebSocket"/> speaking just enough of docs/protocol.md (open, one subscribe,
/// then reading) instead of the SDK, whose per-message events would compete with the gateway
/// for the two cores. Each value frame's INT64 payload is the publisher's timestamp.
/// </summary>
internal sealed class RawSubscriber : ILoadSubscriber
{
    private const int ValueHeaderLength = 22;
    private const byte KindValue = 1;
    private const byte FlagNoValue = 1;
    private const byte FlagInitial = 2;

    private static readonly byte[] Open = Encoding.UTF8.GetBytes("""{"type":"open","protocol":1,"clientType":"OTHER","environment":"topiary load"}""");
    private static readonly byte[] Response = Encoding.UTF8.GetBytes("\"type\":\"response\"");
    private static readonly byte[] Closing = Encoding.UTF8.GetBytes("\"type\":\"closing\"");
    private static readonly byte[] Error = Encoding.UTF8.GetBytes("\"error\"");

    private readonly ClientWebSocket _socket = new();
    private readonly DeliveryStatistics _statistics;
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;

    private RawSubscriber(DeliveryStatistics statistics) => _statistics = statistics;

    /// <summary>Why the gateway closed this session, if it did (its <c>closing</c> message).</summary>
    public string? ClosedBecause { get; private set; }

    /// <summary>Connects, opens an anonymous session and subscribes to <paramref name="selector"/>; returns once the subscription is complete.</summary>
    public static async Task<RawSubscriber> ConnectAsync(Uri endpoint, string selector, DeliveryStatistics statistics, CancellationToken cancellationToken)
    {
        var subscriber = new RawSubscriber(statistics);
        subscriber._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await subscriber._socket.ConnectAsync(endpoint, cancellationToken);
        await subscriber._socket.SendAsync(Open, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = new byte[16 * 1024];
        var opened = await subscriber._socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
        if (!Encoding.UTF8.GetString(buffer, 0, opened.Count).Contains("\"opened\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the gateway did not open the session: {Encoding.UTF8.GetString(buffer, 0, opened.Count)}");
        }
        subscriber._receiving = subscriber.ReceiveAsync(buffer);
        var subscribe = Encoding.UTF8.GetBytes($$$"""{"id":1,"op":"topics.subscribe","args":{"selector":"{{{selector}}}"}}""");
        await subscriber._socket.SendAsync(subscribe, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        await subscriber._subscribed.Task.WaitAsync(cancellationToken);
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
    }

    private async Task ReceiveAsync(byte[] buffer)
    {
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClosedBecause ??= $"closed by the gateway ({_socket.CloseStatus} {_socket.CloseStatusDescription})";
                    break;
                }
                // Value frames are small and always arrive whole; a partial message is a text one we do not need.
                if (!result.EndOfMessage)
                {
                    continue;
                }
                var message = buffer.AsSpan(0, result.Count);
                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    if (message.Length >= ValueHeaderLength + 8 && message[0] == KindValue && (message[1] & (FlagNoValue | FlagInitial)) == 0)
                    {
                        _statistics.Record(BinaryPrimitives.ReadInt64LittleEndian(message[ValueHeaderLength..]));
                    }
                }
                else
                {
                    OnText(message);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            ClosedBecause ??= "connection lost: " + exception.Message;
        }
        _subscribed.TrySetException(new InvalidOperationException($"the session ended before subscribing: {ClosedBecause}"));
    }

    private void OnText(ReadOnlySpan<byte> message)
    {
        if (message.IndexOf(Response) >= 0)
        {
            if (message.IndexOf(Error) >= 0)
            {
                _subscribed.TrySetException(new InvalidOperationException("subscribe failed: " + Encoding.UTF8.GetString(message)));
            }
            _subscribed.TrySetResult();
        }
        else if (message.IndexOf(Closing) >= 0)
        {
            ClosedBecause = Encoding.UTF8.GetString(message);
        }
    }
}
