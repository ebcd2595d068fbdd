using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Topiary.Client.Protocol;
using Topiary.Client.Requests;
using Topiary.Errors;

namespace Topiary.Client;

// The connection side of the session: sending requests, the receive loop, and the end of the session.
public sealed partial class TopiarySession
{
    /// <remarks>
    /// Not async up to the send: whatever fails before anything is sent (validation, size,
    /// closed session) is thrown by the call itself, as argument errors are in .NET.
    /// </remarks>
    Task<TResult> IRequestSender.SendAsync<TArgs, TResult>(
        JsonEncodedText op, TArgs args, ResultParser<TResult> parser, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = _requests.NextId();
        var buffer = new PooledBufferWriter();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteNumber(WireNames.Id, id);
                writer.WriteString(WireNames.Op, op);
                writer.WriteStartObject(WireNames.Args);
                args.Write(writer);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            if (buffer.WrittenCount > MaxMessageSize)
            {
                throw ClientErrors.MessageTooLarge(MaxMessageSize, buffer.WrittenCount);
            }
            // Registered before sending: the answer may arrive before SendAsync returns.
            var pending = new PendingRequest<TResult>(id, op.Value, parser);
            _requests.Add(pending);
            if (cancellationToken.CanBeCanceled)
            {
                pending.Cancellation = cancellationToken.UnsafeRegister(
                    static (state, token) => Abandon((PendingRequest)state!, new OperationCanceledException(token)), pending);
            }
            var sent = SendAndWaitAsync(buffer, pending, cancellationToken);
            buffer = null;
            return sent;
        }
        finally
        {
            buffer?.Dispose();
        }
    }

    private async Task<TResult> SendAndWaitAsync<TResult>(PooledBufferWriter buffer, PendingRequest<TResult> pending, CancellationToken cancellationToken)
    {
        using (buffer)
        {
            try
            {
                await _transport.SendTextAsync(buffer.WrittenMemory, cancellationToken);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                // Cancelled while waiting for the send lock: nothing was sent.
                Abandon(pending, e);
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
            {
                // The socket was aborted or broke: an OperationCanceledException here is the socket's, not the caller's.
                Abandon(pending, ClientErrors.OutcomeUnknown(pending.Op, "CONNECTION_LOST"));
                _transport.Abort();
            }
        }
        return await pending.Task;
    }

    private static void Abandon(PendingRequest request, Exception error) => request.Owner!.Abandon(request, error);

    void ISessionNotifications.ReportError(Exception error) => RaiseError(error);

    void ISessionNotifications.OnClosing(string reason, string? message)
    {
        _closingReason = reason;
        _closingMessage = message;
    }

    private async Task ReceiveLoopAsync()
    {
        var state = SessionState.ClosedFailed;
        var reason = "CONNECTION_LOST";
        string? message = null;
        try
        {
            while (true)
            {
                var received = await _transport.ReceiveAsync(CancellationToken.None);
                if (received.Type == WebSocketMessageType.Text)
                {
                    _dispatcher.DispatchText(received.Payload);
                }
                else if (received.Type == WebSocketMessageType.Binary)
                {
                    _dispatcher.DispatchBinary(received.Payload.Span);
                }
                else
                {
                    (state, reason, message) = Volatile.Read(ref _closeRequested) == 1
                        ? (SessionState.ClosedByClient, "CLIENT_REQUESTED", null)
                        : (SessionState.ClosedByServer, _closingReason ?? "SERVER_CLOSED", _closingMessage ?? received.CloseDescription);
                    await _transport.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", _options.RequestTimeout);
                    return;
                }
            }
        }
        catch (ProtocolViolationException e)
        {
            (reason, message) = ("PROTOCOL_ERROR", e.Message);
            RaiseError(ClientErrors.Protocol(e.Message));
            await _transport.CloseOutputAsync(WebSocketCloseStatus.ProtocolError, "protocol error", _options.RequestTimeout);
        }
        catch (MessageTooBigException e)
        {
            (reason, message) = ("MESSAGE_TOO_BIG", e.Message);
            await _transport.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too big", _options.RequestTimeout);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Dropped, or aborted by CloseAsync after the gateway did not answer in time.
            if (Volatile.Read(ref _closeRequested) == 1)
            {
                (state, reason) = (SessionState.ClosedByClient, "CLIENT_REQUESTED");
            }
            message = e.Message;
        }
        catch (Exception e)
        {
            // Anything else is a defect; the loop must still end the session, or callers would wait forever.
            (reason, message) = ("INTERNAL_ERROR", e.Message);
            RaiseError(e);
            _transport.Abort();
        }
        finally
        {
            Terminate(state, reason, message);
        }
    }

    /// <summary>The one place a session ends: requests fail, streams close, then <see cref="Closed"/> is raised.</summary>
    private void Terminate(SessionState state, string reason, string? message)
    {
        Volatile.Write(ref _state, (int)state);
        _requests.FailAll(reason);
        _subscriptions.Close();
        _transport.Dispose();
        try
        {
            Closed?.Invoke(this, new SessionClosedEventArgs(state, reason, message));
        }
        catch (Exception e)
        {
            // An application handler's failure is reported, not allowed to break the close.
            RaiseError(e);
        }
    }

    private void RaiseError(Exception error)
    {
        try
        {
            ErrorOccurred?.Invoke(this, new SessionErrorEventArgs(error));
        }
        catch (Exception)
        {
            // Nowhere is left to report a failing ErrorOccurred handler; dropping it is documented on ITopiarySession.
        }
    }
}
