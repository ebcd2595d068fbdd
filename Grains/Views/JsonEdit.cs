using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary>
/// Writing at a pointer, shared by <c>set</c>, <c>insert … at</c> and JSON Patch <c>add</c>: the parent
/// must exist and be an object (member created or replaced in place) or an array.
/// </summary>
internal static class JsonEdit
{
    /// <summary>
    /// Puts <paramref name="value"/> at <paramref name="target"/> under <paramref name="root"/>. In an
    /// array, an index below the length replaces (or inserts, when <paramref name="insertInArray"/>),
    /// the length or <c>-</c> appends. False when the parent is missing or not a container.
    /// </summary>
    public static bool TryPut(JsonNode? root, JsonPointer target, JsonNode? value, bool insertInArray)
    {
        if (!target.Parent().TryGet(root, out var parent))
        {
            return false;
        }
        var token = target.Last;
        switch (parent)
        {
            case JsonObject obj:
                obj[token] = value;
                return true;
            case JsonArray array when token == "-":
                array.Add(value);
                return true;
            case JsonArray array when JsonPointer.TryIndex(token, out var index) && index <= array.Count:
                if (index == array.Count)
                {
                    array.Add(value);
                }
                else if (insertInArray)
                {
                    array.Insert(index, value);
                }
                else
                {
                    array[index] = value;
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>Removes the target; false when it does not exist.</summary>
    public static bool TryRemove(JsonNode? root, JsonPointer target)
    {
        if (target.IsRoot || !target.Parent().TryGet(root, out var parent))
        {
            return false;
        }
        switch (parent)
        {
            case JsonObject obj:
                return obj.Remove(target.Last);
            case JsonArray array when JsonPointer.TryIndex(target.Last, out var index) && index < array.Count:
                array.RemoveAt(index);
                return true;
            default:
                return false;
        }
    }
}
