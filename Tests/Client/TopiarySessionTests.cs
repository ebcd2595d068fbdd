using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Topiary.Client;
using Topiary.Errors;
using Topiary.Tests.Abstractions.Topics;
using Topiary.Topics;

namespace Topiary.Tests.Client;

/// <summary>The session's life cycle over a real WebSocket to a scripted peer: handshake, ping, close, lost connections.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class TopiarySessionTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Open_sends_the_handshake_and_exposes_the_servers_answer()
    {
        var opening = TopiarySession.OpenAsync(_server.Options());
        var peer = await _server.NextConnectionAsync();
        var open = await peer.CompleteHandshakeAsync(principal: "admin", maxMessageSize: 1024 * 1024);
        var session = await opening;
        Assert.Equal(("open", 1, "admin", "secret", "DOTNET"), (
            open.GetProperty("type").GetString(), open.GetProperty("protocol").GetInt32(), open.GetProperty("principal").GetString(),
            open.GetProperty("password").GetString(), open.GetProperty("clientType").GetString()));
        Assert.Equal("3f2a9c0d11e4b7a8-90c1d2e3f4a5b6c7", session.SessionId);
        Assert.Equal("admin", session.Principal);
        Assert.Equal("gateway-1", session.Gateway);
        Assert.Equal("0.1.0", session.ServerVersion);
        Assert.Equal(1024 * 1024, session.MaxMessageSize);
        Assert.Equal(SessionState.Connected, session.State);
        await CloseAsync(session, peer);
    }

    [Fact]
    public async Task SES_14_a_rejected_handshake_throws_the_servers_error()
    {
        var opening = TopiarySession.OpenAsync(_server.Options());
        var peer = await _server.NextConnectionAsync();
        await peer.ReceiveJsonAsync();
        await peer.SendTextAsync($$"""{"type":"rejected","error":{{ServerConnection.EnvelopeJson(ErrorEnvelope.For(ErrorCode.AuthenticationFailed, "authentication failed"))}}}""");
        await peer.CloseAsync(WebSocketCloseStatus.PolicyViolation);
        var exception = await Assert.ThrowsAsync<TopiarySecurityException>(() => opening);
        Assert.Equal(ErrorCode.AuthenticationFailed, exception.Code);
    }

    [Fact]
    public async Task No_server_at_the_URL_fails_with_RETRYABLE_UNREACHABLE()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var exception = await Assert.ThrowsAsync<TopiaryTransientException>(() =>
            TopiarySession.OpenAsync(new TopiarySessionOptions { Url = new Uri($"ws://127.0.0.1:{port}") }));
        Assert.Equal(ErrorCode.Retryable, exception.Code);
        Assert.Equal("UNREACHABLE", exception.Error.Details!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task SES_10_no_answer_to_the_handshake_within_the_connection_timeout_fails_with_TIMEOUT()
    {
        var options = new TopiarySessionOptions { Url = _server.Url, ConnectionTimeout = TimeSpan.FromMilliseconds(300) };
        var opening = TopiarySession.OpenAsync(options);
        var peer = await _server.NextConnectionAsync();
        await peer.ReceiveJsonAsync();
        var exception = await Assert.ThrowsAsync<TopiaryOutcomeUnknownException>(() => opening);
        Assert.Equal(ErrorCode.Timeout, exception.Code);
        peer.Abort();
    }

    [Fact]
    public async Task Cancelling_the_open_throws_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        var opening = TopiarySession.OpenAsync(_server.Options(), cancellation.Token);
        var peer = await _server.NextConnectionAsync();
        await peer.ReceiveJsonAsync();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => opening);
        peer.Abort();
    }

    [Fact]
    public async Task SES_17_ping_returns_the_round_trip_and_server_version()
    {
        var (session, peer) = await _server.OpenSessionAsync();
        var ping = session.PingAsync();
        var request = await peer.ReceiveRequestAsync();
        Assert.Equal("session.ping", request.Op);
        await peer.RespondAsync(request.Id, """{"serverVersion":"0.1.0","serverTime":1767225600000}""");
        var result = await ping;
        Assert.Equal("0.1.0", result.ServerVersion);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), result.ServerTime);
        Assert.True(result.RoundTrip > TimeSpan.Zero);
        await CloseAsync(session, peer);
    }

    [Fact]
    public async Task CloseAsync_sends_session_close_and_ends_ClosedByClient_once()
    {
        var (session, peer) = await _server.OpenSessionAsync();
        var closed = new List<SessionClosedEventArgs>();
        session.Closed += (_, e) => closed.Add(e);
        await CloseAsync(session, peer);
        await session.CloseAsync();
        await session.DisposeAsync();
        Assert.Equal(SessionState.ClosedByClient, session.State);
        var only = Assert.Single(closed);
        Assert.Equal((SessionState.ClosedByClient, "CLIENT_REQUESTED"), (only.State, only.Reason));
        ErrorAssert.Throws(ErrorCode.SessionClosed, () => session.PingAsync());
    }

    [Fact]
    public async Task CloseAsync_drops_a_connection_whose_server_does_not_answer()
    {
        var (session, peer) = await _server.OpenSessionAsync(_server.Options(requestTimeout: TimeSpan.FromMilliseconds(200)));
        await session.CloseAsync();
        Assert.Equal(SessionState.ClosedByClient, session.State);
        peer.Abort();
    }

    [Fact]
    public async Task SES_72_a_lost_connection_fails_requests_in_flight_with_OUTCOME_UNKNOWN_and_closes_the_session()
    {
        var (session, peer) = await _server.OpenSessionAsync();
        var closed = WaitForClosed(session);
        var add = session.Topics.AddAsync("a", TopicType.String);
        await peer.ReceiveRequestAsync();
        peer.Abort();
        var exception = await Assert.ThrowsAsync<TopiaryOutcomeUnknownException>(() => add);
        Assert.Equal(ErrorCode.OutcomeUnknown, exception.Code);
        var args = await closed;
        Assert.Equal((SessionState.ClosedFailed, "CONNECTION_LOST"), (args.State, args.Reason));
        Assert.Equal(SessionState.ClosedFailed, session.State);
        ErrorAssert.Throws(ErrorCode.SessionClosed, () => session.Topics.AddAsync("a", TopicType.String));
        await session.DisposeAsync();
    }

    [Fact]
    public async Task Disposing_never_throws_even_while_the_connection_is_being_lost()
    {
        for (var i = 0; i < 5; i++)
        {
            var (session, peer) = await _server.OpenSessionAsync();
            var pending = session.Topics.AddAsync("a", TopicType.String);
            peer.Abort();
            await session.DisposeAsync();
            Assert.True(session.State is SessionState.ClosedByClient or SessionState.ClosedFailed, session.State.ToString());
            await Assert.ThrowsAsync<TopiaryOutcomeUnknownException>(() => pending);
        }
    }

    [Fact]
    public async Task A_server_close_after_a_closing_notification_is_ClosedByServer_with_its_reason()
    {
        var (session, peer) = await _server.OpenSessionAsync();
        var closed = WaitForClosed(session);
        await peer.SendTextAsync("""{"type":"closing","reason":"SERVER_SHUTDOWN","message":"the gateway is stopping"}""");
        await peer.CloseAsync(WebSocketCloseStatus.EndpointUnavailable);
        var args = await closed;
        Assert.Equal((SessionState.ClosedByServer, "SERVER_SHUTDOWN", "the gateway is stopping"), (args.State, args.Reason, args.Message));
    }

    [Fact]
    public async Task A_malformed_frame_closes_the_session_with_a_protocol_error()
    {
        var (session, peer) = await _server.OpenSessionAsync();
        var closed = WaitForClosed(session);
        var errors = new List<Exception>();
        session.ErrorOccurred += (_, e) => errors.Add(e.Exception);
        await peer.SendBinaryAsync([1, 0, 0]);
        var (type, _) = await peer.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Close, type);
        var args = await closed;
        Assert.Equal((SessionState.ClosedFailed, "PROTOCOL_ERROR"), (args.State, args.Reason));
        Assert.Equal(ErrorCode.InternalError, Assert.IsAssignableFrom<TopiaryException>(Assert.Single(errors)).Code);
        peer.Abort();
    }

    [Fact]
    public async Task An_oversized_message_from_the_server_closes_with_1009()
    {
        var (session, peer) = await _server.OpenSessionAsync(new TopiarySessionOptions { Url = _server.Url, MaxMessageSize = 64 * 1024 });
        var closed = WaitForClosed(session);
        await peer.SendBinaryAsync(new byte[5 * 1024 * 1024]);
        var args = await closed;
        Assert.Equal("MESSAGE_TOO_BIG", args.Reason);
        peer.Abort();
    }

    [Fact]
    public async Task Error_notifications_are_raised_as_ErrorOccurred()
    {
        var (session, peer) = await _server.OpenSessionAsync();
        var raised = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.ErrorOccurred += (_, e) => raised.TrySetResult(e.Exception);
        await peer.SendTextAsync($$"""{"type":"error","error":{{ServerConnection.EnvelopeJson(ErrorEnvelope.For(ErrorCode.InvalidArgument, "no id"))}}}""");
        var exception = Assert.IsType<TopiaryArgumentException>(await raised.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("INVALID_ARGUMENT: no id", exception.Message);
        await CloseAsync(session, peer);
    }

    private static Task<SessionClosedEventArgs> WaitForClosed(ITopiarySession session)
    {
        var closed = new TaskCompletionSource<SessionClosedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Closed += (_, e) => closed.TrySetResult(e);
        return closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task CloseAsync(ITopiarySession session, ServerConnection peer)
    {
        var closing = session.CloseAsync();
        await peer.AnswerCloseAsync();
        await closing;
    }
}
