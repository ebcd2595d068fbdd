using System.Net.Sockets;
using System.Text;
using Topiary.Tests.Gateway.Transport;

namespace Topiary.Tests.EndToEnd;

/// <summary>
/// A WebSocket upgrade done by hand over a plain TCP socket, so a test can put any bytes on the
/// wire — frames a WebSocket library refuses to produce (unmasked, reserved bits, bad lengths).
/// </summary>
internal sealed class RawTcpConnection : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawTcpConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    /// <summary>The server's answer to the upgrade request: status line and headers.</summary>
    public string ResponseHead { get; private set; } = "";

    /// <summary>
    /// Connects and completes the RFC 6455 opening handshake; fails unless the answer is 101.
    /// With <paramref name="splitRequest"/> the request goes out in two writes 100 ms apart.
    /// </summary>
    public static async Task<RawTcpConnection> ConnectAsync(GatewayHost gateway, bool splitRequest = false)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(gateway.Url.Host, gateway.Url.Port);
        var connection = new RawTcpConnection(client);
        var key = Convert.ToBase64String(ClientFrame.Payload(16, seed: 6455));
        var request = $"GET /topiary HTTP/1.1\r\nHost: {gateway.Url.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        var bytes = Encoding.ASCII.GetBytes(request);
        if (splitRequest)
        {
            await connection.SendAsync(bytes[..20]);
            await Task.Delay(100);
            bytes = bytes[20..];
        }
        await connection.SendAsync(bytes);
        connection.ResponseHead = await connection.ReadHeadersAsync();
        Assert.StartsWith("HTTP/1.1 101", connection.ResponseHead, StringComparison.Ordinal);
        return connection;
    }

    public async Task SendAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _stream.WriteAsync(bytes, timeout.Token);
    }

    /// <summary>Everything the server sends until it closes the connection, decoded as server frames.</summary>
    public async Task<List<ServerFrame>> ReadFramesToEndAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? Timeout);
        using var received = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            int read;
            try
            {
                read = await _stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                // A reset after the close frame ends the stream as well.
                break;
            }
            if (read == 0)
            {
                break;
            }
            received.Write(buffer, 0, read);
        }
        return ServerFrameDecoder.DecodeAll(received.ToArray());
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    // Byte by byte, so nothing after the blank line is consumed.
    private async Task<string> ReadHeadersAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var headers = new StringBuilder();
        var one = new byte[1];
        while (!headers.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            Assert.True(await _stream.ReadAsync(one, timeout.Token) == 1, $"connection closed during the upgrade: {headers}");
            headers.Append((char)one[0]);
        }
        return headers.ToString();
    }
}
