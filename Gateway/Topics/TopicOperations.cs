using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Topiary.Errors;
using Topiary.Gateway.Hosting;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Security;
using Topiary.Gateway.Sessions;
using Topiary.Runtime;
using Topiary.Security;
using Topiary.Selectors;
using Topiary.Topics;

namespace Topiary.Gateway.Topics;

/// <summary>
/// The <c>topics.*</c> requests of docs/protocol.md §3.2. Each validates its input first
/// (path, selector, specification, value), then checks permissions, then calls the grains,
/// so bad input never reaches stored data (ERR-30).
/// </summary>
internal sealed class TopicOperations(
    IGrainFactory grains,
    TopicReplica replica,
    SelectionIndex selections,
    GatewayAuthorizer authorizer,
    IOptions<GatewayOptions> options)
{
    /// <summary>TOP-83: one fetch never returns more than this many results.</summary>
    public const int MaxFetchResults = 100_000;

    private const int RemovePageSize = 1_000;

    public async Task AddAsync(ClientSession session, ProtocolRequest request, bool withValue)
    {
        var path = request.Args.RequiredString("path", "the topic path");
        TopicPath.ValidateForAdd(path);
        var specification = ReadSpecification(request.Args);
        var value = withValue ? ReadValue(request.Args, specification.Type) : null;
        var existing = replica.Find(path)?.Specification;
        authorizer.Demand(session, PathPermissions.ModifyTopic, path, existing);
        if (withValue)
        {
            authorizer.Demand(session, PathPermissions.UpdateTopic, path, existing);
        }
        var result = await grains.GetGrain<ITopicGrain>(path).AddAsync(TopicSpecificationData.From(specification), value);
        var writer = Responses.Start(request.Id);
        writer.WriteStartObject();
        writer.WriteBoolean("added", result.Added);
        if (withValue)
        {
            writer.WriteString("epoch", Messages.FormatEpoch(result.Epoch));
            writer.WriteNumber("sequence", result.Sequence);
        }
        writer.WriteEndObject();
        session.SendText(Responses.Finish());
    }

    public async Task SetAsync(ClientSession session, ProtocolRequest request)
    {
        var path = request.Args.RequiredString("path", "the topic path");
        TopicPath.Validate(path);
        var type = TopicTypes.Parse(request.Args.RequiredString("type", "the type of the value sent: JSON, STRING, INT64, DOUBLE or BINARY"));
        var value = ReadValue(request.Args, type);
        authorizer.Demand(session, PathPermissions.UpdateTopic, path, replica.Find(path)?.Specification);
        var result = await grains.GetGrain<ITopicGrain>(path).SetAsync(value);
        var writer = Responses.Start(request.Id);
        writer.WriteStartObject();
        writer.WriteString("epoch", Messages.FormatEpoch(result.Epoch));
        writer.WriteNumber("sequence", result.Sequence);
        writer.WriteEndObject();
        session.SendText(Responses.Finish());
    }

    public async Task RemoveAsync(ClientSession session, ProtocolRequest request)
    {
        var selector = ParseSelector(request.Args);
        var catalog = grains.GetGrain<ITopicCatalogGrain>(TopicCatalogGrain.Key);
        var removed = 0;
        string? after = null;
        while (true)
        {
            var page = await catalog.SelectAsync(selector.Expression, after, RemovePageSize);
            foreach (var entry in page.Entries)
            {
                // TOP-41: topics the session may not modify are skipped silently and not counted.
                if (authorizer.Allows(session, PathPermissions.ModifyTopic, entry.Path, replica.Find(entry.Path)?.Specification)
                    && await grains.GetGrain<ITopicGrain>(entry.Path).RemoveAsync())
                {
                    removed++;
                }
            }
            if (!page.HasMore)
            {
                break;
            }
            after = page.Entries[^1].Path;
        }
        var writer = Responses.Start(request.Id);
        writer.WriteStartObject();
        writer.WriteNumber("removedCount", removed);
        writer.WriteEndObject();
        session.SendText(Responses.Finish());
    }

    public async Task FetchAsync(ClientSession session, ProtocolRequest request)
    {
        var selector = ParseSelector(request.Args);
        var limit = request.Args.OptionalInt("limit", 0, MaxFetchResults) ?? MaxFetchResults;
        var after = request.Args.OptionalString("after");
        if (after is not null)
        {
            TopicPath.Validate(after);
        }
        var withValues = request.Args.OptionalBool("withValues");
        var withProperties = request.Args.OptionalBool("withProperties");
        var results = new List<(CatalogEntry Entry, TopicSnapshot? Snapshot)>();
        var hasMore = false;
        var catalog = grains.GetGrain<ITopicCatalogGrain>(TopicCatalogGrain.Key);
        var pageSize = Math.Clamp(limit + 1, 1, RemovePageSize);
        while (!hasMore)
        {
            var page = await catalog.SelectAsync(selector.Expression, after, pageSize);
            foreach (var entry in page.Entries)
            {
                // TOP-82: unreadable topics are left out, as if they did not exist.
                if (!authorizer.MayReceive(session, entry.Path, replica.Find(entry.Path)?.Specification))
                {
                    continue;
                }
                if (results.Count == limit)
                {
                    hasMore = true;
                    break;
                }
                var snapshot = withValues ? await grains.GetGrain<ITopicGrain>(entry.Path).GetSnapshotAsync() : null;
                if (!withValues || snapshot is not null)
                {
                    results.Add((entry, snapshot));
                }
            }
            if (!page.HasMore)
            {
                break;
            }
            after = page.Entries[^1].Path;
        }
        WriteFetchResponse(session, request.Id, results, hasMore, withValues, withProperties);
    }

    public async Task SubscribeAsync(ClientSession session, ProtocolRequest request)
    {
        var selector = ParseSelector(request.Args);
        Record(session, selector, select: true);
        // Index first, then match: a topic added in between is found by one or the other.
        selections.Add(selector, session);
        // A selector may match far more current state than the outbound limit holds: before each
        // topic, wait until the client has read enough of it (SES-80 stays for slow readers).
        foreach (var topic in replica.Select(selector))
        {
            if (session.IsSelected(topic.Path) && authorizer.MayReceive(session, topic.Path, topic.Specification))
            {
                await session.Outbound.WaitForRoomAsync();
                await topic.SubscribeAsync(session);
            }
        }
        session.SendText(Responses.Empty(request.Id));
    }

    public Task UnsubscribeAsync(ClientSession session, ProtocolRequest request)
    {
        var selector = ParseSelector(request.Args);
        Record(session, selector, select: false);
        selections.Remove(selector, session);
        foreach (var topic in session.SubscribedTopics())
        {
            if (!session.IsSelected(topic.Path))
            {
                topic.Unsubscribe(session, "REQUESTED");
            }
        }
        session.SendText(Responses.Empty(request.Id));
        return Task.CompletedTask;
    }

    // TOP-52: both selecting and deselecting append an operation; a full list refuses either
    // (an ignored deselect would leave the session subscribed while answering success).
    private static void Record(ClientSession session, TopicSelector selector, bool select)
    {
        if (!session.Record(selector, select))
        {
            throw TopiaryException.Create(ErrorCode.LimitExceeded,
                $"the session already holds {SelectionList.MaxOperations} selection operations; repeat an earlier selector to replace its operation",
                new JsonObject { ["limit"] = "selections", ["maximum"] = SelectionList.MaxOperations });
        }
    }

    private static TopicSelector ParseSelector(JsonElement args) =>
        SelectorCache.Shared.GetOrParse(args.RequiredString("selector", "a topic selector, for example \"?prices//\""));

    private static TopicSpecification ReadSpecification(JsonElement args)
    {
        var type = TopicTypes.Parse(args.RequiredString("type", "the topic type: JSON, STRING, INT64, DOUBLE or BINARY"));
        return TopicSpecification.Create(type, args.OptionalProperties("properties"));
    }

    private TopicValueData ReadValue(JsonElement args, TopicType type)
    {
        if (!args.TryGet("value", out var element))
        {
            throw ProtocolErrors.Missing("value", "the value in its JSON form (docs/protocol.md §3.1), or null for no value");
        }
        var bytes = ValueJson.Decode(type, element);
        var maximum = options.Value.Limits.MaxValueBytes;
        if (bytes is not null && bytes.Length > maximum)
        {
            throw TopiaryException.Create(ErrorCode.LimitExceeded,
                $"the value is {bytes.Length} bytes; the maximum value size is {maximum} bytes (Topiary:Limits:MaxValueBytes)",
                new JsonObject { ["limit"] = "MaxValueBytes", ["maximum"] = maximum });
        }
        return new TopicValueData(type.WireName(), bytes);
    }

    private void WriteFetchResponse(
        ClientSession session, long id, List<(CatalogEntry Entry, TopicSnapshot? Snapshot)> results,
        bool hasMore, bool withValues, bool withProperties)
    {
        var sizeCap = options.Value.Limits.MaxMessageBytes;
        var writer = Responses.Start(id);
        writer.WriteStartObject();
        writer.WriteStartArray("results");
        foreach (var (entry, snapshot) in results)
        {
            // TOP-81: stop before the response outgrows the message size; the caller pages on.
            if (JsonMessageWriter.Written > sizeCap)
            {
                hasMore = true;
                break;
            }
            writer.WriteStartObject();
            writer.WriteString("path", entry.Path);
            writer.WriteString("type", entry.Specification.Type);
            if (withProperties)
            {
                writer.WriteStartObject("properties");
                foreach (var (key, value) in entry.Specification.Properties)
                {
                    writer.WriteString(key, value);
                }
                writer.WriteEndObject();
            }
            if (withValues && snapshot is not null)
            {
                writer.WriteNumber("sequence", snapshot.Sequence);
                if (snapshot.Value is not null)
                {
                    writer.WritePropertyName("value");
                    ValueJson.Write(writer, TopicTypes.Parse(entry.Specification.Type), snapshot.Value);
                }
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteBoolean("hasMore", hasMore);
        writer.WriteEndObject();
        session.SendText(Responses.Finish());
    }
}
