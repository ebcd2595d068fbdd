using Topiary.Gateway.Sessions;
using Topiary.Selectors;

namespace Topiary.Gateway.Topics;

/// <summary>
/// Which sessions hold a select operation with which selector, keyed by the selector's
/// canonical text. When a topic is added, each distinct selector is tested once against the
/// new path, however many sessions share it. Thread-safe.
/// </summary>
internal sealed class SelectionIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (TopicSelector Selector, HashSet<ClientSession> Sessions)> _entries = new(StringComparer.Ordinal);

    public void Add(TopicSelector selector, ClientSession session)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(selector.Expression, out var entry))
            {
                entry = (selector, []);
                _entries[selector.Expression] = entry;
            }
            entry.Sessions.Add(session);
        }
    }

    public void Remove(TopicSelector selector, ClientSession session)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(selector.Expression, out var entry) && entry.Sessions.Remove(session) && entry.Sessions.Count == 0)
            {
                _entries.Remove(selector.Expression);
            }
        }
    }

    /// <summary>Sessions with at least one select operation whose selector selects <paramref name="path"/>.</summary>
    public List<ClientSession> SessionsSelecting(string path)
    {
        var sessions = new HashSet<ClientSession>();
        lock (_gate)
        {
            foreach (var (selector, members) in _entries.Values)
            {
                if (selector.Selects(path))
                {
                    sessions.UnionWith(members);
                }
            }
        }
        return [.. sessions];
    }
}
