using System.Net;
using System.Net.WebSockets;
using System.Text.Encodings.Web;
using System.Text.Json;
using Topiary.Client.Protocol;
using Topiary.Client.Requests;
using Topiary.Client.Security;
using Topiary.Client.Topics;
using Topiary.Errors;

namespace Topiary.Client;

/// <summary>
/// The native-protocol session of the .NET SDK. Open one with <see cref="OpenAsync"/>; see
/// <see cref="ITopiarySession"/> for the guarantees.
/// </summary>
public sealed partial class TopiarySession : ITopiarySession, IRequestSender, ISessionNotifications
{
    // SES-16: keep-alives every 15 s; a connection silent for 30 s is lost.
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    // Relaxed escaping: the payload is a wire message, never embedded in HTML; it keeps non-ASCII text compact.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TopiarySessionOptions _options;
    private readonly WebSocketTransport _transport;
    private readonly RequestTable _requests;
    private readonly SubscriptionTable _subscriptions;
    private readonly MessageDispatcher _dispatcher;
    private readonly OpenedReply _opened;
    private Task _receiveLoop = Task.CompletedTask;
    private int _state = (int)SessionState.Connecting;
    private int _closeRequested;
    private string? _closingReason;
    private string? _closingMessage;

    private TopiarySession(TopiarySessionOptions options, WebSocketTransport transport, OpenedReply opened)
    {
        _options = options;
        _transport = transport;
        _opened = opened;
        MaxMessageSize = opened.MaxMessageSize > 0 ? Math.Min(options.MaxMessageSize, opened.MaxMessageSize) : options.MaxMessageSize;
        transport.MaxReceiveBytes = Math.Max(options.MaxMessageSize, opened.MaxMessageSize);
        _requests = new RequestTable(options.TimeProvider, options.RequestTimeout);
        _subscriptions = new SubscriptionTable(RaiseError);
        _dispatcher = new MessageDispatcher(_requests, _subscriptions, this);
        Topics = new TopicsClient(this, _subscriptions, options.TimeProvider);
        Security = new SecurityClient(this, opened.Principal);
    }

    /// <inheritdoc/>
    public string SessionId => _opened.SessionId;

    /// <inheritdoc/>
    public string Principal => _opened.Principal;

    /// <inheritdoc/>
    public string Gateway => _opened.Gateway;

    /// <inheritdoc/>
    public string ServerVersion => _opened.ServerVersion;

    /// <inheritdoc/>
    public int MaxMessageSize { get; }

    /// <inheritdoc/>
    public SessionState State => (SessionState)Volatile.Read(ref _state);

    /// <inheritdoc/>
    public ITopics Topics { get; }

    /// <inheritdoc/>
    public ISecurity Security { get; }

    /// <inheritdoc/>
    public event EventHandler<SessionClosedEventArgs>? Closed;

    /// <inheritdoc/>
    public event EventHandler<SessionErrorEventArgs>? ErrorOccurred;

    /// <summary>
    /// Connects to <see cref="TopiarySessionOptions.Url"/>, authenticates and returns the open session.
    /// </summary>
    /// <exception cref="TopiaryArgumentException">INVALID_ARGUMENT: an option is out of range (nothing was sent).</exception>
    /// <exception cref="TopiarySecurityException">AUTHENTICATION_FAILED or PROTOCOL_VERSION_MISMATCH (the server's rejection, SES-14).</exception>
    /// <exception cref="TopiaryTransientException">RETRYABLE (reason UNREACHABLE): no gateway answered at the URL; or a retryable rejection (CLUSTER_UNAVAILABLE, SERVER_INITIALISING).</exception>
    /// <exception cref="TopiaryCapacityException">RATE_LIMITED or LIMIT_EXCEEDED rejections.</exception>
    /// <exception cref="TopiaryOutcomeUnknownException">TIMEOUT: no session within <see cref="TopiarySessionOptions.ConnectionTimeout"/>; INTERNAL_ERROR: the server broke the protocol.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ITopiarySession> OpenAsync(TopiarySessionOptions options, CancellationToken cancellationToken = default)
    {
        ClientErrors.NotNull(options, nameof(options));
        options.Validate();
        var endpoint = options.ResolveEndpoint();
        using var timeout = new CancellationTokenSource(options.ConnectionTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = HeartbeatInterval;
        socket.Options.KeepAliveTimeout = HeartbeatInterval;
        options.ConfigureWebSocket?.Invoke(socket.Options);
        var transport = new WebSocketTransport(socket, options.MaxMessageSize);
        try
        {
            await socket.ConnectAsync(endpoint, linked.Token);
            var reply = await HandshakeAsync(transport, options, endpoint, linked.Token);
            var session = new TopiarySession(options, transport, reply);
            session.Start();
            transport = null;
            return session;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw ClientErrors.Timeout("open", options.ConnectionTimeout);
        }
        catch (WebSocketException e)
        {
            throw ClientErrors.Unreachable(endpoint, e.Message);
        }
        catch (ProtocolViolationException e)
        {
            throw ClientErrors.Protocol(e.Message);
        }
        finally
        {
            transport?.Dispose();
        }
    }

    /// <inheritdoc/>
    public Task<PingResult> PingAsync(CancellationToken cancellationToken = default)
    {
        var started = _options.TimeProvider.GetTimestamp();
        // Not async here, so a closed session throws from the call like every other request.
        return MeasureAsync(((IRequestSender)this).SendAsync(WireNames.SessionPing, new NoArgs(), ReadPing, cancellationToken), started);
    }

    /// <inheritdoc/>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) == 0)
        {
            try
            {
                await ((IRequestSender)this).SendAsync(WireNames.SessionClose, new NoArgs(), TopicRequests.ReadNothing, cancellationToken);
            }
            catch (TopiaryException)
            {
                // No answer or no connection: nothing is left to close gracefully.
                _transport.Abort();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _transport.Abort();
                throw;
            }
        }
        try
        {
            // The gateway closes the WebSocket after its answer; the receive loop sees that and finishes the session.
            await _receiveLoop.WaitAsync(_options.RequestTimeout, _options.TimeProvider, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            _transport.Abort();
            await _receiveLoop;
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Closes the session (<see cref="CloseAsync"/>); never throws.</summary>
    public async ValueTask DisposeAsync() => await CloseAsync(CancellationToken.None);

    private async Task<PingResult> MeasureAsync(Task<PingResult> ping, long started)
    {
        var result = await ping;
        return result with { RoundTrip = _options.TimeProvider.GetElapsedTime(started) };
    }

    private static PingResult ReadPing(JsonElement result) => new(
        TimeSpan.Zero,
        result.GetProperty("serverVersion"u8).GetString() ?? "",
        DateTimeOffset.FromUnixTimeMilliseconds(result.GetProperty("serverTime"u8).GetInt64()));

    private static async Task<OpenedReply> HandshakeAsync(WebSocketTransport transport, TopiarySessionOptions options, Uri endpoint, CancellationToken cancellationToken)
    {
        using (var buffer = new PooledBufferWriter())
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                Handshake.WriteOpen(writer, options);
            }
            await transport.SendTextAsync(buffer.WrittenMemory, cancellationToken);
        }
        var received = await transport.ReceiveAsync(cancellationToken);
        return received.Type switch
        {
            WebSocketMessageType.Text => Handshake.ReadReply(received.Payload),
            WebSocketMessageType.Close => throw ClientErrors.Unreachable(endpoint, $"the server closed the connection during the handshake ({received.CloseStatus} {received.CloseDescription})"),
            _ => throw new ProtocolViolationException("a binary message during the handshake"),
        };
    }

    private void Start()
    {
        Volatile.Write(ref _state, (int)SessionState.Connected);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }
}
