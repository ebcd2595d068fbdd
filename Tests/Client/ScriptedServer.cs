using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Topiary.Client;

namespace Topiary.Tests.Client;

/// <summary>
/// A WebSocket server on 127.0.0.1 and a free port that hands each connection at
/// <c>/topiary</c> to the test, which then plays the gateway's side of the protocol by hand
/// (<see cref="ServerConnection"/>). Tests the SDK's protocol handling, not the gateway.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ServerConnection> _accepted = Channel.CreateUnbounded<ServerConnection>();
    private readonly List<ServerConnection> _connections = [];

    private ScriptedServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/topiary", AcceptAsync);
    }

    public Uri Url { get; private set; } = null!;

    public static async Task<ScriptedServer> StartAsync()
    {
        var server = new ScriptedServer();
        await server._app.StartAsync();
        server.Url = new Uri(server._app.Urls.First());
        return server;
    }

    /// <summary>Options for a session to this server, with a short request timeout so a broken test fails fast.</summary>
    public TopiarySessionOptions Options(TimeSpan? requestTimeout = null, TimeProvider? time = null) => new()
    {
        Url = Url,
        Principal = "admin",
        Password = "secret",
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(5),
        ConnectionTimeout = TimeSpan.FromSeconds(5),
        TimeProvider = time ?? TimeProvider.System,
    };

    /// <summary>The next connection the SDK opens.</summary>
    public async Task<ServerConnection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _accepted.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Opens a session and completes its handshake; returns both ends.</summary>
    public async Task<(ITopiarySession Session, ServerConnection Peer)> OpenSessionAsync(TopiarySessionOptions? options = null)
    {
        var opening = TopiarySession.OpenAsync(options ?? Options());
        var peer = await NextConnectionAsync();
        await peer.CompleteHandshakeAsync();
        return (await opening, peer);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            connection.Abort();
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new ServerConnection(socket);
        lock (_connections)
        {
            _connections.Add(connection);
        }
        _accepted.Writer.TryWrite(connection);
        // Kestrel drops the WebSocket when this returns, so hold it until the test is done with it.
        await connection.Finished;
    }
}
