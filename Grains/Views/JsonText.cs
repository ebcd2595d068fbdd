using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Topiary.Topics;

namespace Topiary.Views;

/// <summary>JSON values in and out of topic values, keeping non-ASCII text unescaped.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses a JSON topic value (already validated when it was set).</summary>
    public static JsonNode? Parse(TopicValue value) => JsonNode.Parse(value.Span);

    public static TopicValue Encode(JsonNode? node) =>
        TopicValue.FromEncoded(TopicType.Json, System.Text.Encoding.UTF8.GetBytes(node?.ToJsonString(Relaxed) ?? "null"));

    /// <summary>A JSON integer: a number written without fraction or exponent that fits in 64 bits.</summary>
    public static bool TryInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }
        // By the written form: 1.0 and 1e2 are not integers (VIEW-32, VIEW-37).
        var text = scalar.ToJsonString();
        return text.IndexOfAny(['.', 'e', 'E']) < 0 && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Any JSON number as a double (JSON numbers are always finite).</summary>
    public static double ToDouble(JsonValue number) =>
        double.Parse(number.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
}
