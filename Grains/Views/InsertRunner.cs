using System.Text.Json.Nodes;
using Topiary.Topics;

namespace Topiary.Views;

/// <summary>
/// Applies an <c>insert</c> clause (VIEW-40). Never fails: when there is nothing to insert the
/// <c>default</c> string is inserted, or without one the value passes unchanged; when the
/// <c>at</c> parent is missing the value passes unchanged.
/// </summary>
internal static class InsertRunner
{
    public static JsonNode? Apply(InsertTransformation insert, string sourcePath, JsonNode? current, ITopicLookup lookup)
    {
        if (!insert.At.Parent().TryGet(current, out var parent) || parent is not (JsonObject or JsonArray))
        {
            return current;
        }
        JsonNode? inserted;
        if (!TryInsertionValue(insert, sourcePath, current, lookup, out inserted))
        {
            if (insert.Default is null)
            {
                return current;
            }
            inserted = JsonValue.Create(insert.Default);
        }
        var result = current!.DeepClone();
        return JsonEdit.TryPut(result, insert.At, inserted, insertInArray: false) ? result : current;
    }

    private static bool TryInsertionValue(InsertTransformation insert, string sourcePath, JsonNode? current, ITopicLookup lookup, out JsonNode? value)
    {
        value = null;
        var (candidates, _) = new TemplateExpander(insert.Template, sourcePath, separator: null).Expand(current);
        if (candidates.Count != 1 || !TopicPath.TryValidate(candidates[0].Path, out _) || lookup.Find(candidates[0].Path) is not { } topic
            || !topic.Value.HasValue)
        {
            return false;
        }
        var whole = topic.Specification.Type switch
        {
            TopicType.Json => JsonText.Parse(topic.Value),
            TopicType.String when insert.Key is null => JsonValue.Create(TopicValues.DecodeString(topic.Value.Span)),
            TopicType.Int64 when insert.Key is null => JsonValue.Create(TopicValues.DecodeInt64(topic.Value.Span)),
            TopicType.Double when insert.Key is null && double.IsFinite(TopicValues.DecodeDouble(topic.Value.Span)) =>
                JsonValue.Create(TopicValues.DecodeDouble(topic.Value.Span)),
            _ => null,
        };
        if (whole is null && topic.Specification.Type != TopicType.Json)
        {
            return false;
        }
        if (insert.Key is null)
        {
            value = whole;
            return true;
        }
        if (!insert.Key.TryGet(whole, out var part))
        {
            return false;
        }
        value = part?.DeepClone();
        return true;
    }
}
