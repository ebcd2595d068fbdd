using System.Collections.Concurrent;

namespace Topiary.Gateway.Hubs;

/// <summary>
/// The open hub connections, so that a stopping gateway tells each SignalR client why before
/// SignalR drops its connections. SignalR disposes every connection, without draining it, from
/// its own <c>ApplicationStopping</c> callback, registered when the hub is mapped; this type
/// registers when the first connection arrives, so (callbacks run last-registered first) it runs
/// before: it closes each session with SERVER_SHUTDOWN and waits, bounded, until each
/// connection's HTTP request is over, that is until the <c>closing</c> message and SignalR's
/// close were written to the socket.
/// </summary>
internal sealed class HubConnections
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<HubSession, Task> _connections = new();

    public HubConnections(IHostApplicationLifetime lifetime) => lifetime.ApplicationStopping.Register(CloseAll);

    /// <summary>Tracks <paramref name="session"/>, whose connection is carried by <paramref name="request"/> (null when SignalR gives none).</summary>
    public void Add(HubSession session, HttpContext? request)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (request is null)
        {
            finished.SetResult();
        }
        else
        {
            request.Response.OnCompleted(() =>
            {
                finished.TrySetResult();
                return Task.CompletedTask;
            });
        }
        _connections[session] = finished.Task;
    }

    public void Remove(HubSession session) => _connections.TryRemove(session, out _);

    private void CloseAll()
    {
        var closing = _connections.Select(connection => Task.WhenAll(connection.Key.CloseForShutdown(), connection.Value)).ToArray();
        // Blocking is what the host expects of a stopping callback; the wait is bounded.
        Task.WaitAll(closing, ShutdownTimeout);
    }
}
