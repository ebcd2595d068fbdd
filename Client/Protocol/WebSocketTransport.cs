using System.Buffers;
using System.Net.WebSockets;

namespace Topiary.Client.Protocol;

/// <summary>
/// One WebSocket connection: whole-message receive into a reusable pooled buffer, and sends
/// serialized by a semaphore (a WebSocket allows one send at a time).
/// </summary>
/// <remarks>
/// Receiving is single-consumer: only the session's receive loop (or the handshake before it
/// starts) calls <see cref="ReceiveAsync"/>. <see cref="Dispose"/> must run after the last receive.
/// </remarks>
internal sealed class WebSocketTransport(WebSocket socket, int maxReceiveBytes) : IDisposable
{
    private const int InitialBufferBytes = 16 * 1024;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);

    /// <summary>The largest message accepted from the server; raised to the server's own limit after the handshake.</summary>
    public int MaxReceiveBytes { get; set; } = maxReceiveBytes;

    public WebSocketState State => socket.State;

    /// <summary>
    /// Receives one whole message (continuation frames joined). A message above
    /// <see cref="MaxReceiveBytes"/> throws <see cref="MessageTooBigException"/>.
    /// </summary>
    public async ValueTask<ReceivedMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                Grow(length);
            }
            var result = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new ReceivedMessage(WebSocketMessageType.Close, default, socket.CloseStatus, socket.CloseStatusDescription);
            }
            length += result.Count;
            if (length > MaxReceiveBytes)
            {
                throw new MessageTooBigException(MaxReceiveBytes);
            }
            if (result.EndOfMessage)
            {
                return new ReceivedMessage(result.MessageType, _buffer.AsMemory(0, length), null, null);
            }
        }
    }

    /// <summary>Sends one text message. <paramref name="cancellationToken"/> only cancels the wait for the send lock:
    /// cancelling a send half-way would corrupt the WebSocket.</summary>
    public async ValueTask SendTextAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Completes or starts the closing handshake from our side; gives up after <paramref name="timeout"/>.</summary>
    public async Task CloseOutputAsync(WebSocketCloseStatus status, string description, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _sendLock.WaitAsync(cancellation.Token);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(status, description, cancellation.Token);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The peer is gone or slow: closing is best effort, abort instead.
            socket.Abort();
        }
    }

    /// <summary>Drops the connection at once; a pending receive fails.</summary>
    public void Abort() => socket.Abort();

    public void Dispose()
    {
        socket.Dispose();
        _sendLock.Dispose();
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(length * 2, InitialBufferBytes), MaxReceiveBytes + 1));
        _buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
