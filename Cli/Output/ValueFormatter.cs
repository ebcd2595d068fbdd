using System.Globalization;
using System.Text;
using System.Text.Json;
using Topiary.Client.Topics;
using Topiary.Topics;

namespace Topiary.Cli.Output;

/// <summary>
/// How values are printed (docs/cli.md "Output"): the same notation <c>topics set</c> accepts,
/// on one line. JSON is re-written compact; STRING escapes backslash, tab, CR and LF; BINARY is
/// base64; numbers use the invariant culture with round-trip precision; no value is empty text
/// (<c>null</c> with <c>--json</c>).
/// </summary>
internal static class ValueFormatter
{
    /// <summary>The value as plain text for <c>path&lt;TAB&gt;value</c> lines.</summary>
    public static string ToText(TopicValue value)
    {
        if (!value.HasValue)
        {
            return "";
        }
        return value.Type switch
        {
            TopicType.String => Escape(value.AsString()!),
            TopicType.Int64 => value.AsInt64()!.Value.ToString(CultureInfo.InvariantCulture),
            TopicType.Double => value.AsDouble()!.Value.ToString("R", CultureInfo.InvariantCulture),
            TopicType.Json => OutputWriter.Compact(json => WriteCompactJson(json, value)),
            _ => Convert.ToBase64String(value.Span),
        };
    }

    /// <summary>Writes the value as one JSON value: the JSON itself, a string, a number (NaN and infinities as strings), base64, or null.</summary>
    public static void WriteJson(Utf8JsonWriter json, TopicValue value)
    {
        if (!value.HasValue)
        {
            json.WriteNullValue();
            return;
        }
        switch (value.Type)
        {
            case TopicType.String:
                json.WriteStringValue(value.AsString());
                break;
            case TopicType.Int64:
                json.WriteNumberValue(value.AsInt64()!.Value);
                break;
            case TopicType.Double when double.IsFinite(value.AsDouble()!.Value):
                json.WriteNumberValue(value.AsDouble()!.Value);
                break;
            case TopicType.Double:
                json.WriteStringValue(value.AsDouble()!.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case TopicType.Json:
                WriteCompactJson(json, value);
                break;
            default:
                json.WriteBase64StringValue(value.Span);
                break;
        }
    }

    private static void WriteCompactJson(Utf8JsonWriter json, TopicValue value)
    {
        // The server keeps JSON text as sent (whitespace included); a line needs it compact.
        // Numbers keep their original digits: JsonElement writes them back verbatim.
        using var document = JsonDocument.Parse(value.Bytes);
        document.RootElement.WriteTo(json);
    }

    private static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("\\\t\r\n") < 0)
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => escaped.Append(@"\\"),
                '\t' => escaped.Append(@"\t"),
                '\r' => escaped.Append(@"\r"),
                '\n' => escaped.Append(@"\n"),
                _ => escaped.Append(c),
            };
        }
        return escaped.ToString();
    }
}
