using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary>
/// Applies an RFC 6902 patch atomically (VIEW-39): to a copy of an object or array value, every
/// operation must succeed; <c>test</c> uses JSON equality (member order does not matter).
/// </summary>
internal static class JsonPatcher
{
    public static bool TryApply(IReadOnlyList<PatchOperation> operations, JsonNode? value, out JsonNode? result)
    {
        result = null;
        if (value is not (JsonObject or JsonArray))
        {
            return false;
        }
        var document = value.DeepClone();
        foreach (var operation in operations)
        {
            if (!TryApply(operation, ref document))
            {
                return false;
            }
        }
        result = document;
        return true;
    }

    private static bool TryApply(PatchOperation operation, ref JsonNode? document)
    {
        switch (operation.Op)
        {
            case "add":
                return TryAdd(ref document, operation.Path, Node(operation.Value));
            case "remove":
                return JsonEdit.TryRemove(document, operation.Path);
            case "replace":
                return operation.Path.TryGet(document, out _) && (operation.Path.IsRoot
                    ? Replace(ref document, Node(operation.Value))
                    : JsonEdit.TryPut(document, operation.Path, Node(operation.Value), insertInArray: false));
            case "test":
                return operation.Path.TryGet(document, out var actual) && JsonNode.DeepEquals(actual, Node(operation.Value));
            case "copy":
                return operation.From!.TryGet(document, out var copied) && TryAdd(ref document, operation.Path, copied?.DeepClone());
            default:
                // move: the target may not lie inside what is moved.
                if (!operation.From!.TryGet(document, out var moved) || IsProperPrefix(operation.From, operation.Path))
                {
                    return false;
                }
                var detached = moved?.DeepClone();
                if (operation.From.IsRoot)
                {
                    return operation.Path.IsRoot;
                }
                return JsonEdit.TryRemove(document, operation.From) && TryAdd(ref document, operation.Path, detached);
        }
    }

    /// <summary>A fresh node for each use: nodes cannot be shared between documents.</summary>
    private static JsonNode? Node(System.Text.Json.JsonElement? value) =>
        value is { } element ? JsonNode.Parse(element.GetRawText()) : null;

    private static bool TryAdd(ref JsonNode? document, JsonPointer path, JsonNode? value) =>
        path.IsRoot ? Replace(ref document, value) : JsonEdit.TryPut(document, path, value, insertInArray: true);

    private static bool Replace(ref JsonNode? document, JsonNode? value)
    {
        document = value;
        return true;
    }

    private static bool IsProperPrefix(JsonPointer prefix, JsonPointer path) =>
        prefix.Tokens.Count < path.Tokens.Count && prefix.Tokens.SequenceEqual(path.Tokens.Take(prefix.Tokens.Count));
}
