using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Topiary.Errors;
using Topiary.Gateway.Hosting;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Transport;

namespace Topiary.Gateway.Sessions;

/// <summary>
/// Serves one native-protocol connection at <c>/topiary</c>: the upgrade, the handshake,
/// then requests in the order they arrive (one at a time, so one session's updates reach
/// their topics in the order it sent them, UPD-4), while a separate writer loop drains the
/// session's outbound queue. Whatever ends the connection, the session's subscriptions and
/// selections are released.
/// </summary>
internal sealed partial class SessionConnection(
    SessionLifecycle lifecycle,
    RequestDispatcher dispatcher,
    IOptions<GatewayOptions> options,
    ILogger<SessionConnection> logger)
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    public async Task RunAsync(HttpContext context)
    {
        if (WebSocketUpgrade.Validate(context) is { } problem)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"Topiary native protocol endpoint: {problem} (docs/protocol.md §1)");
            return;
        }
        await using var stream = await WebSocketUpgrade.AcceptAsync(context);
        await ServeConnectionAsync(stream, stream, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", context.Abort, context.RequestAborted);
    }

    /// <summary>
    /// Serves a connection whose WebSocket handshake is done: frames are read from
    /// <paramref name="input"/> and written to <paramref name="output"/> (one duplex stream, or the
    /// two halves of a connection taken over before HTTP, see <see cref="NativeEndpointMiddleware"/>).
    /// <paramref name="clientAddress"/> is the peer's IP address (failed-login limits count per address);
    /// <paramref name="aborted"/> fires when the peer is gone; <paramref name="abort"/> drops the connection.
    /// </summary>
    public async Task ServeConnectionAsync(Stream input, Stream output, string clientAddress, Action abort, CancellationToken aborted)
    {
        var limits = options.Value.Limits;
        using var outbound = new OutboundQueue(limits.MaxOutboundBytes);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        // The writer is not stopped with the read loop: after a server-side close it still has
        // the closing notice to deliver. Only a dead connection (or the drain timeout) stops it.
        var writer = RunWriterAsync(outbound, output, stop, aborted);
        using var reader = new WebSocketReader(input, limits.MaxMessageBytes,
            ping => outbound.TryEnqueue(WebSocketOpcode.Pong, ping.Span));
        ClientSession? session = null;
        try
        {
            session = await OpenAsync(reader, outbound, stop, clientAddress);
            if (session is not null)
            {
                await ServeAsync(session, reader, outbound, stop.Token);
            }
        }
        catch (WebSocketProtocolException exception)
        {
            LogProtocolError(logger, exception.CloseStatus, exception.Message);
            outbound.Complete(Concat(
                Frame(Messages.ErrorNotification("error", ProtocolError(exception, limits.MaxMessageBytes))),
                CloseFrame.Build(exception.CloseStatus, exception.CloseStatus == CloseFrame.MessageTooBig ? "message too big" : "protocol error")),
                discardPending: false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The peer went away, or the server closed the session (whose notice is queued and
            // must still go out): stop reading; the writer drains what is queued.
            outbound.Complete([], discardPending: false);
        }
        finally
        {
            if (session is not null)
            {
                lifecycle.Release(session);
            }
            outbound.Complete(CloseFrame.Build(CloseFrame.NormalClosure, ""), discardPending: false);
            if (await Task.WhenAny(writer, Task.Delay(DrainTimeout, CancellationToken.None)) != writer)
            {
                abort();
            }
            await writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<ClientSession?> OpenAsync(WebSocketReader reader, OutboundQueue outbound, CancellationTokenSource stop, string address)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        timeout.CancelAfter(HandshakeTimeout);
        var message = await reader.ReadMessageAsync(timeout.Token);
        if (message.IsClose)
        {
            return null;
        }
        try
        {
            if (message.Opcode != WebSocketOpcode.Text)
            {
                throw ProtocolErrors.InvalidArgument("message", "EXPECTED_OPEN", "the first message must be the JSON 'open' message, in a text frame");
            }
            var open = OpenRequest.Parse(message.Payload);
            var session = await lifecycle.OpenAsync(open, address, outbound, (reason, text) => CloseFromServer(outbound, stop, reason, text));
            outbound.TryEnqueue(WebSocketOpcode.Text, Messages.Opened(session, options.Value.Gateway.Name, options.Value.Limits.MaxMessageBytes));
            return session;
        }
        catch (TopiaryException exception)
        {
            LogRejected(logger, exception.Error.Name);
            outbound.Complete(Concat(
                Frame(Messages.ErrorNotification("rejected", exception.Error)),
                CloseFrame.Build(CloseFrame.PolicyViolation, exception.Error.Name)), discardPending: false);
            return null;
        }
    }

    private async Task ServeAsync(ClientSession session, WebSocketReader reader, OutboundQueue outbound, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await reader.ReadMessageAsync(cancellationToken);
            if (message.IsClose)
            {
                outbound.Complete(CloseFrame.Build(CloseFrame.NormalClosure, ""), discardPending: false);
                return;
            }
            if (message.Opcode == WebSocketOpcode.Binary)
            {
                outbound.Complete(Concat(
                    Frame(Messages.ErrorNotification("error", ErrorEnvelope.For(ErrorCode.InvalidArgument,
                        "binary frames from clients are not part of protocol 1; send requests as JSON text frames"))),
                    CloseFrame.Build(CloseFrame.UnsupportedData, "binary frames are not accepted")), discardPending: false);
                return;
            }
            if (!await dispatcher.HandleAsync(session, message.Payload))
            {
                outbound.Complete(Concat(Frame(Messages.Closing("CLIENT_REQUESTED", "the session was closed at the client's request")),
                    CloseFrame.Build(CloseFrame.NormalClosure, "closed")), discardPending: false);
                return;
            }
        }
    }

    private static async Task RunWriterAsync(OutboundQueue outbound, Stream stream, CancellationTokenSource stop, CancellationToken aborted)
    {
        try
        {
            await Task.Yield();
            await outbound.RunWriterAsync(stream, aborted);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone: stop reading too.
            await stop.CancelAsync();
        }
    }

    private static void CloseFromServer(OutboundQueue outbound, CancellationTokenSource stop, string reason, string message)
    {
        // An overflowed queue is dropped; otherwise what is queued is still delivered first.
        outbound.Complete(Concat(
            Frame(Messages.Closing(reason, message)),
            CloseFrame.Build(outbound.Overflowed ? CloseFrame.PolicyViolation : CloseFrame.GoingAway, reason)), discardPending: outbound.Overflowed);
        // May be called from a publisher's fan-out: cancel the read loop elsewhere, never inline.
        ThreadPool.UnsafeQueueUserWorkItem(static source =>
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The connection ended (and disposed the source) before this ran: already stopped.
            }
        }, stop, preferLocal: false);
    }

    // SES-13: an oversized message is LIMIT_EXCEEDED naming the limit; a broken frame is a malformed argument.
    private static ErrorEnvelope ProtocolError(WebSocketProtocolException exception, int maxMessageBytes) =>
        exception.CloseStatus == CloseFrame.MessageTooBig
            ? ErrorEnvelope.For(ErrorCode.LimitExceeded, $"{exception.Message} (Topiary:Limits:MaxMessageBytes); the connection is closed",
                new JsonObject { ["limit"] = "MaxMessageBytes", ["maximum"] = maxMessageBytes })
            : ErrorEnvelope.For(ErrorCode.InvalidArgument, $"{exception.Message}; the connection is closed",
                new JsonObject { ["argument"] = "frame", ["reason"] = "PROTOCOL_ERROR" });

    private static byte[] Frame(ReadOnlySpan<byte> json)
    {
        var frame = new byte[WebSocketFraming.HeaderLength(json.Length) + json.Length];
        var header = WebSocketFraming.WriteHeader(frame, WebSocketOpcode.Text, json.Length);
        json.CopyTo(frame.AsSpan(header));
        return frame;
    }

    private static byte[] Concat(byte[] first, byte[] second) => [.. first, .. second];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handshake rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection closed with {Status}: {Reason}")]
    private static partial void LogProtocolError(ILogger logger, int status, string reason);
}
