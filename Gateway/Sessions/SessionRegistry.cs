using System.Collections.Concurrent;

namespace Topiary.Gateway.Sessions;

/// <summary>The sessions attached to this gateway.</summary>
internal sealed class SessionRegistry
{
    private readonly ConcurrentDictionary<string, ClientSession> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public void Add(ClientSession session) => _sessions[session.Id] = session;

    public void Remove(ClientSession session) => _sessions.TryRemove(session.Id, out _);

    public IEnumerable<ClientSession> All => _sessions.Values;
}
