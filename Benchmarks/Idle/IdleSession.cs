using System.Net.WebSockets;
using System.Text;

namespace Topiary.Benchmarks.Idle;

/// <summary>
/// A connected native-protocol session that does nothing after its handshake: a bare
/// <see cref="ClientWebSocket"/> with one pending receive, so the load tool notices when the
/// gateway closes it while costing the tool as little memory as it can.
/// </summary>
internal sealed class IdleSession : IAsyncDisposable
{
    private static readonly byte[] Open = Encoding.UTF8.GetBytes("""{"type":"open","protocol":1,"clientType":"OTHER","environment":"topiary idle"}""");

    private readonly ClientWebSocket _socket = new();
    private Task _receiving = Task.CompletedTask;

    /// <summary>Why the connection ended before the tool closed it, if it did.</summary>
    public string? EndedBecause { get; private set; }

    /// <summary>Connects and completes the handshake as an anonymous session.</summary>
    public static async Task<IdleSession> OpenAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var session = new IdleSession();
        session._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        session._socket.Options.SetBuffer(receiveBufferSize: 1024, sendBufferSize: 1024);
        await session._socket.ConnectAsync(endpoint, cancellationToken);
        await session._socket.SendAsync(Open, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = new byte[1024];
        var opened = await session._socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
        var text = Encoding.UTF8.GetString(buffer, 0, opened.Count);
        if (!text.Contains("\"opened\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the gateway did not open the session: {text}");
        }
        session._receiving = session.WatchAsync();
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
    }

    private async Task WatchAsync()
    {
        var buffer = new byte[256];
        try
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            EndedBecause = result.MessageType == WebSocketMessageType.Close
                ? $"closed by the gateway ({_socket.CloseStatus} {_socket.CloseStatusDescription})"
                : "an idle session received a message: " + Encoding.UTF8.GetString(buffer, 0, result.Count);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            EndedBecause ??= "connection lost: " + exception.Message;
        }
    }
}
