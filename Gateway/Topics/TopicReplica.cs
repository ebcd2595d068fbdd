using System.Text.Json;
using Microsoft.Extensions.Logging;
using Topiary.Gateway.Security;
using Topiary.Gateway.Sessions;
using Topiary.Runtime;
using Topiary.Runtime.Messaging;
using Topiary.Selectors;
using Topiary.Serialization;
using Topiary.Topics;

namespace Topiary.Gateway.Topics;

/// <summary>
/// This gateway's copy of the topic catalog (paths and specifications), loaded from the
/// catalog grain and kept current by tree events. Selections are evaluated against it —
/// for existing topics when a session selects, and for each topic added later (TOP-34).
/// </summary>
internal sealed partial class TopicReplica(
    IMessageBus bus,
    IGrainFactory grains,
    SelectionIndex selections,
    GatewayAuthorizer authorizer,
    ILogger<TopicReplica> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _paths = new(TopicPathComparer.Instance);
    private readonly Dictionary<string, GatewayTopic> _topics = new(StringComparer.Ordinal);
    private List<TreeEvent>? _pending = [];
    private IDisposable? _treeChannel;
    private long _version;
    private uint _nextTopicId;

    /// <summary>Loads the catalog; events that arrive meanwhile are applied after it, in version order.</summary>
    public async Task InitializeAsync()
    {
        _treeChannel = bus.Subscribe(TopicChannel.Tree, OnTreeMessage);
        var snapshot = await grains.GetGrain<ITopicCatalogGrain>(TopicCatalogGrain.Key).GetSnapshotAsync();
        List<GatewayTopic> added = [];
        lock (_gate)
        {
            foreach (var entry in snapshot.Entries)
            {
                Put(entry.Path, entry.Specification);
            }
            _version = snapshot.Version;
            foreach (var treeEvent in _pending!)
            {
                Apply(treeEvent, added);
            }
            _pending = null;
        }
        LogLoaded(logger, snapshot.Entries.Count);
    }

    /// <summary>The topics <paramref name="selector"/> selects now, in path order.</summary>
    public List<GatewayTopic> Select(TopicSelector selector)
    {
        var prefix = selector.PathPrefix;
        List<GatewayTopic> selected = [];
        lock (_gate)
        {
            // Every selected path is at or below the prefix (SEL-30), and in TOP-6 order a branch
            // is one contiguous run starting at its root: walk only that run.
            var candidates = prefix.Length == 0 ? _paths : _paths.GetViewBetween(prefix, prefix + "\uffff");
            foreach (var path in candidates)
            {
                if (selector.Selects(path))
                {
                    selected.Add(_topics[path]);
                }
            }
        }
        return selected;
    }

    /// <summary>The topic at <paramref name="path"/>, or null when there is none.</summary>
    public GatewayTopic? Find(string path)
    {
        lock (_gate)
        {
            return _topics.GetValueOrDefault(path);
        }
    }

    public void Dispose() => _treeChannel?.Dispose();

    private void OnTreeMessage(string channel, ReadOnlyMemory<byte> payload)
    {
        var treeEvent = JsonSerializer.Deserialize(payload.Span, GrainsJsonContext.Default.TreeEvent);
        if (treeEvent is null)
        {
            return;
        }
        List<GatewayTopic> added = [];
        lock (_gate)
        {
            if (_pending is not null)
            {
                _pending.Add(treeEvent);
                return;
            }
            Apply(treeEvent, added);
        }
        foreach (var topic in added)
        {
            // Synchronously, inside the add: the topic publishes its first value only after
            // this returns, so sessions that selected the path beforehand miss nothing.
            topic.FollowFromStart(treeEvent.Epoch, SessionsReceiving(topic));
        }
    }

    private IEnumerable<ClientSession> SessionsReceiving(GatewayTopic topic)
    {
        foreach (var session in selections.SessionsSelecting(topic.Path))
        {
            if (session.IsSelected(topic.Path) && authorizer.MayReceive(session, topic.Path, topic.Specification))
            {
                yield return session;
            }
        }
    }

    // Under _gate.
    private void Apply(TreeEvent treeEvent, List<GatewayTopic> added)
    {
        if (treeEvent.Version <= _version)
        {
            return;
        }
        _version = treeEvent.Version;
        if (treeEvent.Kind == TreeEventKind.Added && treeEvent.Specification is { } specification)
        {
            if (!_topics.ContainsKey(treeEvent.Path))
            {
                added.Add(Put(treeEvent.Path, specification));
            }
        }
        else if (treeEvent.Kind == TreeEventKind.Removed && _topics.Remove(treeEvent.Path, out var removed))
        {
            _paths.Remove(treeEvent.Path);
            removed.Retire();
        }
    }

    private GatewayTopic Put(string path, TopicSpecificationData specification)
    {
        var topic = new GatewayTopic(++_nextTopicId, path, specification.ToSpecification(), bus, grains);
        _topics[path] = topic;
        _paths.Add(path);
        return topic;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Topic replica loaded {Count} topics")]
    private static partial void LogLoaded(ILogger logger, int count);
}
