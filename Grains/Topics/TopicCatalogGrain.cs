using System.Text.Json;
using Microsoft.Extensions.Logging;
using Topiary.Runtime;
using Topiary.Runtime.Messaging;
using Topiary.Runtime.Storage;
using Topiary.Selectors;
using Topiary.Serialization;

namespace Topiary.Topics;

/// <summary>
/// The topic catalog (see <see cref="ITopicCatalogGrain"/>). Paths are kept in TOP-6 order so
/// that a selector with a path prefix only walks the branch under that prefix.
/// </summary>
[GrainType("topic-catalog")]
public sealed partial class TopicCatalogGrain(IGrainStateStore store, IMessageBus bus, ILogger<TopicCatalogGrain> logger)
    : Grain, ITopicCatalogGrain
{
    /// <summary>The key of the deployment's one catalog.</summary>
    public const string Key = "default";

    private readonly SortedSet<string> _paths = new(TopicPathComparer.Instance);
    private readonly Dictionary<string, TopicSpecificationData> _specifications = new(StringComparer.Ordinal);
    private long _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await foreach (var path in store.ListKeysAsync(TopicGrain.StateName, cancellationToken))
        {
            var state = await ReadTopicAsync(path, cancellationToken);
            if (state?.Specification is { } specification)
            {
                Put(path, specification);
            }
        }
        LogRebuilt(logger, _paths.Count);
    }

    public Task RecordAddedAsync(string path, TopicSpecificationData specification, ulong epoch)
    {
        Put(path, specification);
        return PublishAsync(new TreeEvent(++_version, TreeEventKind.Added, path, specification, epoch)).AsTask();
    }

    public Task RecordRemovedAsync(string path)
    {
        _specifications.Remove(path);
        _paths.Remove(path);
        return PublishAsync(new TreeEvent(++_version, TreeEventKind.Removed, path, null, 0)).AsTask();
    }

    public Task<CatalogSnapshot> GetSnapshotAsync()
    {
        var entries = new List<CatalogEntry>(_paths.Count);
        foreach (var path in _paths)
        {
            entries.Add(new CatalogEntry(path, _specifications[path]));
        }
        return Task.FromResult(new CatalogSnapshot(_version, entries));
    }

    public Task<CatalogPage> SelectAsync(string selector, string? after, int limit)
    {
        var parsed = SelectorCache.Shared.GetOrParse(selector);
        var entries = new List<CatalogEntry>(Math.Min(limit, 256));
        foreach (var path in Candidates(parsed.PathPrefix))
        {
            if (after is not null && TopicPathComparer.Instance.Compare(path, after) <= 0)
            {
                continue;
            }
            if (!parsed.Selects(path))
            {
                continue;
            }
            if (entries.Count == limit)
            {
                return Task.FromResult(new CatalogPage(entries, HasMore: true));
            }
            entries.Add(new CatalogEntry(path, _specifications[path]));
        }
        return Task.FromResult(new CatalogPage(entries, HasMore: false));
    }

    public async Task<int> ColdStartAsync()
    {
        var removed = 0;
        foreach (var path in _paths.ToList())
        {
            if (!_specifications[path].ToSpecification().Persistent)
            {
                if (await store.ReadAsync(TopicGrain.StateName, path, CancellationToken.None) is { } record)
                {
                    await store.ClearAsync(TopicGrain.StateName, path, record.ETag, CancellationToken.None);
                }
                _specifications.Remove(path);
                _paths.Remove(path);
                removed++;
            }
        }
        LogColdStart(logger, removed);
        return removed;
    }

    // Every selected path is at or below the selector's prefix (SEL-30), and in TOP-6 order a
    // branch is one contiguous run that starts at its root: walk only that run.
    private SortedSet<string> Candidates(string prefix)
    {
        if (prefix.Length == 0)
        {
            return _paths;
        }
        return _paths.GetViewBetween(prefix, prefix + "\uffff");
    }

    private void Put(string path, TopicSpecificationData specification)
    {
        _specifications[path] = specification;
        _paths.Add(path);
    }

    private async Task<TopicState?> ReadTopicAsync(string path, CancellationToken cancellationToken)
    {
        var record = await store.ReadAsync(TopicGrain.StateName, path, cancellationToken);
        if (record is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(record.Data, GrainsJsonContext.Default.TopicState);
        }
        catch (JsonException exception)
        {
            // ERR-32: an unreadable record affects only its own topic; it is left untouched.
            LogUnreadableTopic(logger, path, exception);
            return null;
        }
    }

    private ValueTask PublishAsync(TreeEvent treeEvent) =>
        bus.PublishAsync(TopicChannel.Tree, JsonSerializer.SerializeToUtf8Bytes(treeEvent, GrainsJsonContext.Default.TreeEvent));

    [LoggerMessage(Level = LogLevel.Information, Message = "Topic catalog loaded {Count} topics from storage")]
    private static partial void LogRebuilt(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cold start removed {Count} non-persistent topics")]
    private static partial void LogColdStart(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored record of topic '{Path}' cannot be read; the topic is skipped and its record left untouched")]
    private static partial void LogUnreadableTopic(ILogger logger, string path, Exception exception);
}
