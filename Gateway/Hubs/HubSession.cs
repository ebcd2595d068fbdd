using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Topiary.Errors;
using Topiary.Gateway.Hosting;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Sessions;
using Topiary.Gateway.Transport;

namespace Topiary.Gateway.Hubs;

/// <summary>
/// One SignalR connection's share of the session core: the <see cref="ClientSession"/> opened by
/// <c>open</c>, its <see cref="OutboundQueue"/>, and a drain loop that turns the queue's frames
/// into SignalR messages (<see cref="HubDelivery"/>). Each hub invocation becomes a native
/// request handled by the same <see cref="RequestDispatcher"/> as the native protocol, and is
/// answered by the response the session core queues for it.
/// </summary>
internal sealed partial class HubSession : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly HubCallerContext _context;
    private readonly SessionLifecycle _lifecycle;
    private readonly RequestDispatcher _dispatcher;
    private readonly GatewayOptions _options;
    private readonly ILogger _logger;
    private readonly OutboundQueue _outbound;
    private readonly HubDelivery _delivery;
    private readonly CancellationTokenSource _disconnected = new();
    private readonly SemaphoreSlim _opening = new(1, 1);
    private Task _drain = Task.CompletedTask;
    private ClientSession? _session;
    private HubClosing? _closing;
    private long _lastId;
    private int _released;

    public HubSession(HubCallerContext context, ISingleClientProxy client, SessionLifecycle lifecycle,
        RequestDispatcher dispatcher, GatewayOptions options, ILogger logger)
    {
        _context = context;
        _lifecycle = lifecycle;
        _dispatcher = dispatcher;
        _options = options;
        _logger = logger;
        _outbound = new OutboundQueue(options.Limits.MaxOutboundBytes);
        _delivery = new HubDelivery(client, OnClosed);
    }

    /// <summary>Opens the session (<c>open</c>): the same checks and authentication as the native handshake.</summary>
    public async Task<JsonElement> OpenAsync(JsonElement args)
    {
        await _opening.WaitAsync();
        try
        {
            if (_closing is not null || _disconnected.IsCancellationRequested)
            {
                throw Closed();
            }
            if (_session is not null)
            {
                throw HubErrors.From(ErrorEnvelope.For(ErrorCode.InvalidArgument, "a session is already open on this connection",
                    new JsonObject { ["argument"] = "open", ["reason"] = "ALREADY_OPEN" }));
            }
            ClientSession session;
            try
            {
                session = await _lifecycle.OpenAsync(OpenRequest.Parse(HubRequests.Open(args)), _outbound, CloseFromServer);
            }
            catch (TopiaryException exception)
            {
                LogRejected(_logger, _context.ConnectionId, exception.Error.Name);
                throw HubErrors.From(exception.Error);
            }
            _session = session;
            _drain = RunDrainAsync();
            return JsonSerializer.Deserialize<JsonElement>(Messages.Opened(session, _options.Gateway.Name, _options.Limits.MaxMessageBytes));
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Runs native operation <paramref name="op"/> with <paramref name="args"/>; returns its <c>result</c> or throws its error.</summary>
    public async Task<JsonElement> InvokeAsync(string op, JsonElement args)
    {
        var session = _session;
        if (_closing is not null || _disconnected.IsCancellationRequested)
        {
            throw Closed();
        }
        if (session is null)
        {
            throw HubErrors.SessionClosed("NOT_OPENED", "no session is open on this connection: invoke 'open' first");
        }
        var id = Interlocked.Increment(ref _lastId);
        var answer = _delivery.Expect(id);
        if (!await _dispatcher.HandleAsync(session, HubRequests.Request(id, op, args)))
        {
            End(session, new HubClosing("CLIENT_REQUESTED", "the session was closed at the client's request", Notify: true));
            _outbound.Complete(CloseFrame.Build(CloseFrame.NormalClosure, "closed"), discardPending: false);
        }
        else if (_drain.IsCompleted)
        {
            // The session ended while this request ran, after the drain failed what it knew of:
            // no answer can come any more.
            _delivery.FailPending(OnClosed().Reason);
        }
        return await answer;
    }

    /// <summary>The gateway is stopping: closes the session (SERVER_SHUTDOWN); the task ends once the client was told.</summary>
    public Task CloseForShutdown()
    {
        _session?.Close("SERVER_SHUTDOWN", "the gateway is shutting down; reconnect to another gateway or later");
        return _drain;
    }

    /// <summary>The connection is gone: release the session and stop the drain loop.</summary>
    public async ValueTask DisposeAsync()
    {
        // Under the opening gate: an open still in progress either finishes first (and its
        // session is released here) or sees the cancellation and refuses.
        await _opening.WaitAsync();
        await _disconnected.CancelAsync();
        _opening.Release();
        if (_session is { } session)
        {
            End(session, new HubClosing("CONNECTION_LOST", "the SignalR connection ended", Notify: false));
        }
        _outbound.Complete([], discardPending: true);
        if (await Task.WhenAny(_drain, Task.Delay(DrainTimeout)) == _drain)
        {
            _outbound.Dispose();
        }
        _delivery.FailPending("CONNECTION_LOST");
        _disconnected.Dispose();
    }

    // The first reason to end wins (a server close is already recorded when the drain ends); release once.
    private void End(ClientSession session, HubClosing closing)
    {
        Interlocked.CompareExchange(ref _closing, closing, null);
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _lifecycle.Release(session);
        }
    }

    // The session core's close (overflow, shutdown): may run inside a topic's fan-out, so it
    // only queues the close frame; the drain loop tells the client and ends the connection.
    private void CloseFromServer(string reason, string message)
    {
        Interlocked.CompareExchange(ref _closing, new HubClosing(reason, message, Notify: true), null);
        _outbound.Complete(CloseFrame.Build(CloseFrame.GoingAway, reason), discardPending: _outbound.Overflowed);
    }

    private HubException Closed() =>
        HubErrors.SessionClosed(_closing?.Reason ?? "CONNECTION_LOST", "the session on this connection is closed; open a new connection");

    private HubClosing OnClosed() => _closing ?? new HubClosing("UNKNOWN", "the session ended", Notify: false);

    private async Task RunDrainAsync()
    {
        await Task.Yield();
        try
        {
            await _outbound.RunWriterAsync(new HubOutboundStream(_delivery), _disconnected.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // The connection is gone; DisposeAsync releases the session.
        }
        catch (Exception exception)
        {
            // A defect in the translation: the client cannot be served correctly any more.
            LogDrainFailed(_logger, _context.ConnectionId, exception);
            Interlocked.CompareExchange(ref _closing, new HubClosing("INTERNAL_ERROR", "the gateway failed to deliver a message", Notify: false), null);
        }
        var closing = OnClosed();
        _delivery.FailPending(closing.Reason);
        if (_session is { } session && closing.Reason is not ("CLIENT_REQUESTED" or "CONNECTION_LOST"))
        {
            // Ended by the server: release now (not only once SignalR notices), then end the connection.
            End(session, closing);
            _context.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SignalR connection {ConnectionId}: delivering to the client failed")]
    private static partial void LogDrainFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SignalR connection {ConnectionId}: open rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string connectionId, string reason);
}
