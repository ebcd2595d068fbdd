using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Topiary.Tests.EndToEnd;

/// <summary>
/// A bare <see cref="ClientWebSocket"/> speaking the native protocol by hand (docs/protocol.md),
/// for sending what the SDK never would: wrong handshakes, malformed requests, binary frames,
/// oversized messages, or nothing read at all.
/// </summary>
internal sealed class RawSession : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];

    private RawSession(ClientWebSocket socket)
    {
        _socket = socket;
    }

    public WebSocketState State => _socket.State;

    /// <summary>Connects to <c>/topiary</c> without opening a session.</summary>
    public static async Task<RawSession> ConnectAsync(GatewayHost gateway)
    {
        var socket = new ClientWebSocket();
        // No keep-alive frames: tests count exactly what the server sends.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var uri = new UriBuilder(gateway.Url) { Scheme = "ws", Path = "/topiary" }.Uri;
        using var timeout = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return new RawSession(socket);
    }

    /// <summary>The server's <c>opened</c> message, once <see cref="OpenAsync"/> completed the handshake.</summary>
    public JsonObject? Opened { get; private set; }

    /// <summary>Connects and completes the handshake (anonymous when <paramref name="principal"/> is empty).</summary>
    public static async Task<RawSession> OpenAsync(GatewayHost gateway, string principal = "admin", string? password = GatewayHost.AdminPassword)
    {
        var session = await ConnectAsync(gateway);
        var open = new JsonObject { ["type"] = "open", ["protocol"] = 1, ["principal"] = principal };
        if (password is not null)
        {
            open["password"] = password;
        }
        await session.SendTextAsync(open.ToJsonString());
        session.Opened = (await session.ReceiveAsync()).Json;
        Assert.Equal("opened", (string?)session.Opened["type"]);
        return session;
    }

    public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendAsync(byte[] data, WebSocketMessageType type, bool endOfMessage = true)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(data, type, endOfMessage, timeout.Token);
    }

    /// <summary>The next whole message, or the close frame; fails after 10 s.</summary>
    public async Task<RawMessage> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new RawMessage(WebSocketMessageType.Close, [], result.CloseStatus);
            }
            message.Write(_buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return new RawMessage(result.MessageType, message.ToArray());
            }
        }
    }

    /// <summary>The next text message, skipping value frames.</summary>
    public async Task<JsonObject> ReceiveJsonAsync()
    {
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.Type != WebSocketMessageType.Binary)
            {
                return message.Json;
            }
        }
    }

    /// <summary>Sends a request and returns its response, skipping whatever arrives before it.</summary>
    public async Task<JsonObject> RequestAsync(long id, string op, JsonObject? args = null)
    {
        var request = new JsonObject { ["id"] = id, ["op"] = op };
        if (args is not null)
        {
            request["args"] = args;
        }
        await SendTextAsync(request.ToJsonString());
        return await ResponseAsync(id);
    }

    public async Task<JsonObject> ResponseAsync(long id)
    {
        while (true)
        {
            var message = await ReceiveJsonAsync();
            if ((string?)message["type"] == "response" && (long?)message["id"] == id)
            {
                return message;
            }
        }
    }

    /// <summary>Reads until the server's close frame, skipping value frames; returns the text messages before it and the status.</summary>
    public async Task<(List<JsonObject> Texts, WebSocketCloseStatus? Status)> ReadToCloseAsync()
    {
        var texts = new List<JsonObject>();
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.IsClose)
            {
                return (texts, message.CloseStatus);
            }
            if (message.Type == WebSocketMessageType.Text)
            {
                texts.Add(message.Json);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
            {
                // The server may already be gone; the test's assertions were made before this.
            }
        }
        _socket.Dispose();
    }
}
