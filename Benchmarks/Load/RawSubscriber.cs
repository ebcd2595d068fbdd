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
internal sealed class RawSubscriber : LoadSubscriber
{
    private const int ValueHeaderLength = 22;
    private const byte KindValue = 1;
    private const byte FlagNoValue = 1;
    private const byte FlagInitial = 2;

    private static readonly byte[] Open = Encoding.UTF8.GetBytes("""{"type":"open","protocol":1,"clientType":"OTHER","environment":"topiary load"}""");
    private static readonly byte[] Response = Encoding.UTF8.GetBytes("\"type\":\"response\"");
    private static readonly byte[] Closing = Encoding.UTF8.GetBytes("\"type\":\"closing\"");
    private static readonly byte[] Error = Encoding.UTF8.GetBytes("\"error\"");

    private readonly byte[] _buffer = new byte[16 * 1024];

    private RawSubscriber(DeliveryStatistics statistics)
        : base(statistics)
    {
    }

    /// <summary>Connects, opens an anonymous session and subscribes to <paramref name="selector"/>; returns once the subscription is complete.</summary>
    public static async Task<RawSubscriber> ConnectAsync(Uri endpoint, string selector, DeliveryStatistics statistics, CancellationToken cancellationToken)
    {
        var subscriber = new RawSubscriber(statistics);
        await subscriber.Socket.ConnectAsync(endpoint, cancellationToken);
        await subscriber.Socket.SendAsync(Open, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = subscriber._buffer;
        var opened = await subscriber.Socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
        if (!Encoding.UTF8.GetString(buffer, 0, opened.Count).Contains("\"opened\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the gateway did not open the session: {Encoding.UTF8.GetString(buffer, 0, opened.Count)}");
        }
        subscriber.StartReceiving();
        var subscribe = Encoding.UTF8.GetBytes($$$"""{"id":1,"op":"topics.subscribe","args":{"selector":"{{{selector}}}"}}""");
        await subscriber.Socket.SendAsync(subscribe, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        await subscriber.Subscribed.Task.WaitAsync(cancellationToken);
        return subscriber;
    }

    protected override async Task ReceiveLoopAsync()
    {
        while (true)
        {
            var result = await Socket.ReceiveAsync(_buffer.AsMemory(), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                ClosedBecause ??= $"closed by the gateway ({Socket.CloseStatus} {Socket.CloseStatusDescription})";
                return;
            }
            // Value frames are small and always arrive whole; a partial message is a text one we do not need.
            if (!result.EndOfMessage)
            {
                continue;
            }
            var message = _buffer.AsSpan(0, result.Count);
            if (result.MessageType == WebSocketMessageType.Binary)
            {
                if (message.Length >= ValueHeaderLength + 8 && message[0] == KindValue && (message[1] & FlagNoValue) == 0)
                {
                    if ((message[1] & FlagInitial) == 0)
                    {
                        Statistics.Record(BinaryPrimitives.ReadInt64LittleEndian(message[ValueHeaderLength..]));
                    }
                    else
                    {
                        Statistics.RecordInitial();
                    }
                }
            }
            else
            {
                OnText(message);
            }
        }
    }

    private void OnText(ReadOnlySpan<byte> message)
    {
        if (message.IndexOf(Response) >= 0)
        {
            if (message.IndexOf(Error) >= 0)
            {
                Subscribed.TrySetException(new InvalidOperationException("subscribe failed: " + Encoding.UTF8.GetString(message)));
            }
            Subscribed.TrySetResult();
        }
        else if (message.IndexOf(Closing) >= 0)
        {
            ClosedBecause = Encoding.UTF8.GetString(message);
        }
    }
}
