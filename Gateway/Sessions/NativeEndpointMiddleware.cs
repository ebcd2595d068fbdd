using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Topiary.Gateway.Transport;

namespace Topiary.Gateway.Sessions;

/// <summary>
/// Takes native-protocol connections over before Kestrel's HTTP layer: a Kestrel connection
/// middleware that looks at the first bytes a client sends and, when they are a complete, valid
/// WebSocket upgrade for <c>/topiary</c> (<see cref="UpgradeRequestHead"/>), answers 101 itself and
/// serves the session on the connection's own pipes. No HTTP request object then lives as long
/// as the session (memory per idle session, docs/benchmarks.md W3), and frames are written to the
/// socket directly instead of through Kestrel's response pipe and its send loop (CPU per
/// delivered message). Everything else — other paths, TLS, HTTP/2, a request head split over
/// several reads, an invalid upgrade — goes on to HTTP untouched, where <c>/topiary</c> is still
/// served (and bad upgrades still answered 400) by <see cref="SessionConnection.RunAsync"/>.
/// </summary>
internal sealed class NativeEndpointMiddleware(SessionConnection sessions)
{
    /// <summary>The path the native protocol is served at.</summary>
    public const string Path = "/topiary";

    // A client that says nothing for this long is handed to HTTP, which applies its own timeouts.
    private static readonly TimeSpan FirstBytesTimeout = TimeSpan.FromSeconds(30);

    public async Task InvokeAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var input = connection.Transport.Input;
        ReadResult first;
        using (var timeout = new CancellationTokenSource(FirstBytesTimeout))
        {
            try
            {
                first = await input.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                await next(connection);
                return;
            }
        }
        // Only the first read is looked at: going back over examined bytes is not possible, so a
        // head that has not fully arrived is left, unexamined, to HTTP.
        if (!UpgradeRequestHead.TryRead(first.Buffer, Path, out var headLength, out var key))
        {
            input.AdvanceTo(first.Buffer.Start);
            await next(connection);
            return;
        }
        input.AdvanceTo(first.Buffer.GetPosition(headLength));
        await using var output = OutputStream(connection);
        await output.WriteAsync(WebSocketUpgrade.SwitchingProtocols(key), connection.ConnectionClosed);
        await using var reading = input.AsStream(leaveOpen: true);
        var clientAddress = (connection.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "unknown";
        await sessions.ServeConnectionAsync(reading, output, clientAddress, connection.Abort, connection.ConnectionClosed);
    }

    // The raw socket when the transport exposes it (Kestrel's socket transport does): writes then
    // skip the output pipe and the hop to Kestrel's send loop. The connection is plaintext here by
    // construction: a TLS handshake never looks like an upgrade request.
    private static Stream OutputStream(ConnectionContext connection) =>
        connection.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket
            ? new NetworkStream(socket, ownsSocket: false)
            : connection.Transport.Output.AsStream(leaveOpen: true);
}
