using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Topiary.Client.Protocol;
using Topiary.Client.Requests;
using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// Writes a value as the <c>type</c> and <c>value</c> members of a request (protocol §3.1):
/// JSON text as a JSON string holding the exact text, INT64 as a decimal string (exact over the
/// full 64-bit range), DOUBLE as a number or "NaN"/"Infinity"/"-Infinity", BINARY as base64,
/// <c>null</c> for "no value". Checks what the server would reject, with the server's own
/// <see cref="TopicValues"/> rules (ERR-34), before anything is written to the connection.
/// </summary>
internal static class ValueWriter
{
    /// <summary>The topic type a value of <typeparamref name="T"/> is sent as; for the "any" types, the runtime value decides.</summary>
    public static TopicType TypeOf<T>(T value)
    {
        if (ValueTypes.TopicTypeOf<T>() is { } type)
        {
            return type;
        }
        return value switch
        {
            TopicValue topicValue => topicValue.Type,
            string => TopicType.String,
            long => TopicType.Int64,
            double => TopicType.Double,
            byte[] or ReadOnlyMemory<byte> => TopicType.Binary,
            JsonValue or JsonElement => TopicType.Json,
            null => throw ClientErrors.InvalidArgument("value", "NULL", "a null object has no topic type; use a typed null such as (string?)null"),
            _ => throw ClientErrors.UnsupportedValueType(value.GetType()),
        };
    }

    /// <summary>Writes <c>"type"</c> and <c>"value"</c>. Throws the ERR-34 errors for a value the server would refuse.</summary>
    public static void Write<T>(Utf8JsonWriter writer, T value)
    {
        var type = TypeOf(value);
        writer.WriteString(WireNames.Type, type.WireName());
        // typeof checks fold per instantiation, so value types are read without boxing.
        if (typeof(T) == typeof(long))
        {
            WriteInt64(writer, Unsafe.As<T, long>(ref value));
        }
        else if (typeof(T) == typeof(double))
        {
            WriteDouble(writer, Unsafe.As<T, double>(ref value));
        }
        else if (typeof(T) == typeof(ReadOnlyMemory<byte>))
        {
            writer.WriteBase64String(WireNames.Value, Unsafe.As<T, ReadOnlyMemory<byte>>(ref value).Span);
        }
        else if (typeof(T) == typeof(JsonValue))
        {
            WriteJson(writer, Unsafe.As<T, JsonValue>(ref value));
        }
        else if (typeof(T) == typeof(TopicValue))
        {
            WriteTopicValue(writer, Unsafe.As<T, TopicValue>(ref value));
        }
        else if (value is null)
        {
            TopicValues.EnsureCanClear(type);
            writer.WriteNull(WireNames.Value);
        }
        else
        {
            // Reference types, nullable and "any" values: boxing here is once per request, not per delivery.
            WriteObject(writer, value);
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteString(WireNames.Value, TopicValues.Encode(text).Span);
                break;
            case long integer:
                WriteInt64(writer, integer);
                break;
            case double number:
                WriteDouble(writer, number);
                break;
            case byte[] bytes:
                writer.WriteBase64String(WireNames.Value, bytes);
                break;
            case ReadOnlyMemory<byte> memory:
                writer.WriteBase64String(WireNames.Value, memory.Span);
                break;
            case JsonValue json:
                WriteJson(writer, json);
                break;
            case JsonElement element:
                WriteJson(writer, element);
                break;
            case TopicValue topicValue:
                WriteTopicValue(writer, topicValue);
                break;
            default:
                throw ClientErrors.UnsupportedValueType(value.GetType());
        }
    }

    private static void WriteInt64(Utf8JsonWriter writer, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        writer.WriteString(WireNames.Value, digits[..length]);
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(WireNames.Value, value);
            return;
        }
        writer.WriteString(WireNames.Value, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }

    private static void WriteJson(Utf8JsonWriter writer, JsonValue json)
    {
        if (json.IsEmpty)
        {
            // default(JsonValue): the shared encoder raises the INVALID_VALUE the server would.
            TopicValues.EncodeJson(default(JsonElement));
        }
        writer.WriteString(WireNames.Value, json.Utf8.Span);
    }

    private static void WriteJson(Utf8JsonWriter writer, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            TopicValues.EncodeJson(element);
        }
        // The element's own bytes, so the text goes out exactly as it was parsed. A parsed
        // element is well-formed and JsonDocument's default depth limit is TOP-11's 64.
        writer.WriteString(WireNames.Value, JsonMarshal.GetRawUtf8Value(element));
    }

    private static void WriteTopicValue(Utf8JsonWriter writer, TopicValue value)
    {
        if (!value.HasValue)
        {
            TopicValues.EnsureCanClear(value.Type);
            writer.WriteNull(WireNames.Value);
            return;
        }
        // A TopicValue may wrap any bytes (TopicValue.FromEncoded does not check).
        TopicValues.Validate(value.Type, value.Span, validateValues: false, int.MaxValue);
        switch (value.Type)
        {
            case TopicType.Int64:
                WriteInt64(writer, BinaryPrimitives.ReadInt64LittleEndian(value.Span));
                break;
            case TopicType.Double:
                WriteDouble(writer, BinaryPrimitives.ReadDoubleLittleEndian(value.Span));
                break;
            case TopicType.Binary:
                writer.WriteBase64String(WireNames.Value, value.Span);
                break;
            default:
                writer.WriteString(WireNames.Value, value.Span);
                break;
        }
    }
}
