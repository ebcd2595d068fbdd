using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary>The text of a JSON scalar in a path (VIEW-32).</summary>
internal static class ScalarText
{
    /// <summary>
    /// A string as-is; an integer in decimal; another number in the shortest text that round-trips;
    /// <c>true</c>/<c>false</c>; <c>null</c>. False for objects and arrays.
    /// </summary>
    public static bool TryGet(JsonNode? node, out string text)
    {
        text = string.Empty;
        switch (node)
        {
            case null:
                text = "null";
                return true;
            case JsonValue value:
                text = value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => JsonText.TryInteger(value, out var integer)
                        ? integer.ToString(CultureInfo.InvariantCulture)
                        : JsonText.ToDouble(value).ToString("R", CultureInfo.InvariantCulture),
                    _ => "null",
                };
                return true;
            default:
                return false;
        }
    }
}
