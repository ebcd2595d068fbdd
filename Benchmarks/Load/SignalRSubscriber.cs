using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// The <see cref="RawSubscriber"/> of the SignalR endpoint (<c>--transport signalr</c>): a bare
/// <see cref="ClientWebSocket"/> speaking just enough of the SignalR JSON hub protocol (direct
/// WebSocket connect, handshake, <c>open</c> and <c>topics.subscribe</c> invocations, then
/// reading 0x1E-separated records), so that the load tool costs about as little per message as
/// on the native endpoint. Each non-initial <c>value</c> carries the publisher's timestamp.
/// </summary>
internal sealed class SignalRSubscriber : LoadSubscriber
{
    private const byte RecordSeparator = 0x1E;

    private static readonly byte[] ValueTarget = Encoding.UTF8.GetBytes("\"target\":\"value\"");
    private static readonly byte[] ValueMember = Encoding.UTF8.GetBytes("\"value\":\"");
    private static readonly byte[] Initial = Encoding.UTF8.GetBytes("\"initial\":true");
    private static readonly byte[] SubscribeCompletion = Encoding.UTF8.GetBytes("\"invocationId\":\"2\"");
    private static readonly byte[] Closing = Encoding.UTF8.GetBytes("\"target\":\"closing\"");
    private static readonly byte[] CloseMessage = Encoding.UTF8.GetBytes("{\"type\":7");
    private static readonly byte[] Error = Encoding.UTF8.GetBytes("\"error\"");

    private SignalRSubscriber(DeliveryStatistics statistics)
        : base(statistics)
    {
    }

    /// <summary>Connects to <c>/topiary/hub</c>, opens an anonymous session and subscribes; returns once the subscription is complete.</summary>
    public static async Task<SignalRSubscriber> ConnectAsync(Uri endpoint, string selector, DeliveryStatistics statistics, CancellationToken cancellationToken)
    {
        var subscriber = new SignalRSubscriber(statistics);
        await subscriber.Socket.ConnectAsync(endpoint, cancellationToken);
        subscriber.StartReceiving();
        var records = "{\"protocol\":\"json\",\"version\":1}\u001e"
            + "{\"type\":1,\"invocationId\":\"1\",\"target\":\"open\",\"arguments\":[{\"clientType\":\"OTHER\",\"environment\":\"topiary load\"}]}\u001e"
            + $"{{\"type\":1,\"invocationId\":\"2\",\"target\":\"topics.subscribe\",\"arguments\":[{{\"selector\":\"{selector}\"}}]}}\u001e";
        await subscriber.Socket.SendAsync(Encoding.UTF8.GetBytes(records), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        await subscriber.Subscribed.Task.WaitAsync(cancellationToken);
        return subscriber;
    }

    protected override async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var result = await Socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                ClosedBecause ??= $"closed by the gateway ({Socket.CloseStatus} {Socket.CloseStatusDescription})";
                return;
            }
            length += result.Count;
            // Records may share a WebSocket message or span several: keep what follows the last separator.
            var consumed = 0;
            int end;
            while ((end = buffer.AsSpan(consumed, length - consumed).IndexOf(RecordSeparator)) >= 0)
            {
                OnRecord(buffer.AsSpan(consumed, end));
                consumed += end + 1;
            }
            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
        }
    }

    private void OnRecord(ReadOnlySpan<byte> record)
    {
        if (record.IndexOf(ValueTarget) >= 0)
        {
            var start = record.IndexOf(ValueMember);
            if (record.IndexOf(Initial) >= 0)
            {
                Statistics.RecordInitial();
            }
            else if (start >= 0 && Utf8Parser.TryParse(record[(start + ValueMember.Length)..], out long publishedAt, out _))
            {
                Statistics.Record(publishedAt);
            }
        }
        else if (record.IndexOf(SubscribeCompletion) >= 0)
        {
            if (record.IndexOf(Error) >= 0)
            {
                Subscribed.TrySetException(new InvalidOperationException("subscribe failed: " + Encoding.UTF8.GetString(record)));
            }
            Subscribed.TrySetResult();
        }
        else if (record.IndexOf(Closing) >= 0 || record.StartsWith(CloseMessage))
        {
            ClosedBecause = Encoding.UTF8.GetString(record);
        }
    }
}
