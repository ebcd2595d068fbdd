using System.Collections.Concurrent;

namespace Topiary.Gateway.Hubs;

/// <summary>
/// The open hub sessions, so that a stopping gateway tells each SignalR client why before
/// SignalR drops its connections. SignalR closes every connection from its own
/// <c>ApplicationStopping</c> callback, registered when the hub is mapped; this type registers
/// when the first connection arrives, so (callbacks run last-registered first) it runs before:
/// it closes each session with SERVER_SHUTDOWN and waits, bounded, for the <c>closing</c> message
/// to be written.
/// </summary>
internal sealed class HubConnections
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<HubSession, byte> _sessions = new();

    public HubConnections(IHostApplicationLifetime lifetime) => lifetime.ApplicationStopping.Register(CloseAll);

    public void Add(HubSession session) => _sessions.TryAdd(session, 0);

    public void Remove(HubSession session) => _sessions.TryRemove(session, out _);

    private void CloseAll()
    {
        var drains = _sessions.Keys.Select(session => session.CloseForShutdown()).ToArray();
        // Blocking is what the host expects of a stopping callback; the wait is bounded.
        Task.WaitAll(drains, ShutdownTimeout);
    }
}
