using System.Text.Json;
using Topiary.Client.Protocol;
using Topiary.Client.Requests;
using Topiary.Topics;

namespace Topiary.Client.Topics;

// The args of the topics.* operations (protocol §3.2), one small struct each.

/// <summary><c>topics.add</c>: path, type, properties.</summary>
internal readonly struct AddArgs(string path, TopicType type, IReadOnlyDictionary<string, string>? properties) : IRequestArgs
{
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteString(WireNames.Path, path);
        writer.WriteString(WireNames.Type, type.WireName());
        TopicRequests.WriteProperties(writer, properties);
    }
}

/// <summary><c>topics.addAndSet</c>: path, type, properties, value.</summary>
internal readonly struct AddAndSetArgs<T>(string path, IReadOnlyDictionary<string, string>? properties, T value) : IRequestArgs
{
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteString(WireNames.Path, path);
        TopicRequests.WriteProperties(writer, properties);
        ValueWriter.Write(writer, value);
    }
}

/// <summary><c>topics.set</c>: path, type (of the value), value.</summary>
internal readonly struct SetArgs<T>(string path, T value) : IRequestArgs
{
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteString(WireNames.Path, path);
        ValueWriter.Write(writer, value);
    }
}

/// <summary><c>topics.remove</c>, <c>topics.subscribe</c>, <c>topics.unsubscribe</c>: selector.</summary>
internal readonly struct SelectorArgs(string selector) : IRequestArgs
{
    public void Write(Utf8JsonWriter writer) => writer.WriteString(WireNames.Selector, selector);
}

/// <summary><c>topics.fetch</c>: selector and the optional members of <see cref="FetchOptions"/>.</summary>
internal readonly struct FetchArgs(string selector, FetchOptions? options) : IRequestArgs
{
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteString(WireNames.Selector, selector);
        if (options is null)
        {
            return;
        }
        if (options.Limit is { } limit)
        {
            writer.WriteNumber(WireNames.Limit, limit);
        }
        if (options.After is { } after)
        {
            writer.WriteString(WireNames.After, after);
        }
        if (options.WithValues)
        {
            writer.WriteBoolean(WireNames.WithValues, true);
        }
        if (options.WithProperties)
        {
            writer.WriteBoolean(WireNames.WithProperties, true);
        }
    }
}

/// <summary>Helpers shared by the topic request args, and the readers of their results.</summary>
internal static class TopicRequests
{
    public static void WriteProperties(Utf8JsonWriter writer, IReadOnlyDictionary<string, string>? properties)
    {
        if (properties is null || properties.Count == 0)
        {
            return;
        }
        writer.WriteStartObject(WireNames.Properties);
        foreach (var (key, value) in properties)
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }

    public static bool ReadAdded(JsonElement result) => result.GetProperty("added"u8).GetBoolean();

    public static AddAndSetResult ReadAddAndSet(JsonElement result) =>
        new(result.GetProperty("added"u8).GetBoolean(), result.GetProperty("sequence"u8).GetInt64());

    public static long ReadSequence(JsonElement result) => result.GetProperty("sequence"u8).GetInt64();

    public static int ReadRemovedCount(JsonElement result) => result.GetProperty("removedCount"u8).GetInt32();

    public static bool ReadNothing(JsonElement result) => true;

    public static FetchResult ReadFetch(JsonElement result)
    {
        var items = result.GetProperty("results"u8);
        var topics = new FetchedTopic[items.GetArrayLength()];
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var type = TopicTypes.Parse(item.GetProperty("type"u8).GetString()!);
            topics[index++] = new FetchedTopic(
                item.GetProperty("path"u8).GetString()!,
                type,
                item.TryGetProperty("properties"u8, out var properties) ? ReadProperties(properties) : null,
                item.TryGetProperty("sequence"u8, out var sequence) && sequence.ValueKind == JsonValueKind.Number ? sequence.GetInt64() : null,
                item.TryGetProperty("value"u8, out var value) ? ValueReader.FromJsonForm(type, value) : TopicValue.NoValue(type));
        }
        return new FetchResult(topics, result.TryGetProperty("hasMore"u8, out var hasMore) && hasMore.GetBoolean());
    }

    public static Dictionary<string, string> ReadProperties(JsonElement properties)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in properties.EnumerateObject())
        {
            map[property.Name] = property.Value.GetString()!;
        }
        return map;
    }
}
