using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Topiary.Client.Requests;
using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// Converts received values: wire bytes (protocol §5) to CLR values for typed streams, and the
/// JSON forms of protocol §3.1 (fetch results) to wire bytes. Value types are converted with
/// <see cref="Unsafe.As{TFrom, TTo}(ref TFrom)"/> after a folded <c>typeof</c> check, so nothing is boxed.
/// </summary>
internal static class ValueReader
{
    /// <summary>
    /// Converts <paramref name="value"/> to <typeparamref name="T"/>; <c>default</c> when it has no value.
    /// A topic type other than the one <typeparamref name="T"/> stands for fails with INCOMPATIBLE_TYPE.
    /// </summary>
    public static T? Decode<T>(in TopicValue value)
    {
        var expected = ValueTypes.TopicTypeOf<T>();
        if (expected is { } type && type != value.Type)
        {
            throw ClientErrors.IncompatibleType(value.Type, type);
        }
        if (typeof(T) == typeof(TopicValue) || typeof(T) == typeof(TopicValue?))
        {
            return typeof(T) == typeof(TopicValue) ? As<TopicValue, T>(value) : As<TopicValue?, T>(value);
        }
        if (!value.HasValue)
        {
            return default;
        }
        var bytes = value.Bytes;
        if (typeof(T) == typeof(long) || typeof(T) == typeof(long?))
        {
            var result = BinaryPrimitives.ReadInt64LittleEndian(bytes.Span);
            return typeof(T) == typeof(long) ? As<long, T>(result) : As<long?, T>(result);
        }
        if (typeof(T) == typeof(double) || typeof(T) == typeof(double?))
        {
            var result = BinaryPrimitives.ReadDoubleLittleEndian(bytes.Span);
            return typeof(T) == typeof(double) ? As<double, T>(result) : As<double?, T>(result);
        }
        if (typeof(T) == typeof(ReadOnlyMemory<byte>) || typeof(T) == typeof(ReadOnlyMemory<byte>?))
        {
            return typeof(T) == typeof(ReadOnlyMemory<byte>) ? As<ReadOnlyMemory<byte>, T>(bytes) : As<ReadOnlyMemory<byte>?, T>(bytes);
        }
        if (typeof(T) == typeof(JsonValue) || typeof(T) == typeof(JsonValue?))
        {
            var result = JsonValue.FromTrusted(bytes);
            return typeof(T) == typeof(JsonValue) ? As<JsonValue, T>(result) : As<JsonValue?, T>(result);
        }
        if (typeof(T) == typeof(JsonElement) || typeof(T) == typeof(JsonElement?))
        {
            var result = JsonValue.FromTrusted(bytes).ToJsonElement();
            return typeof(T) == typeof(JsonElement) ? As<JsonElement, T>(result) : As<JsonElement?, T>(result);
        }
        // Reference types: string, byte[] and object.
        return (T?)DecodeObject(value);
    }

    // Reinterprets a value whose type the caller has proved equal to T (the JIT drops the other branches).
    private static T As<TValue, T>(TValue value) => Unsafe.As<TValue, T>(ref value);

    /// <summary>The natural CLR form: string, long, double, byte[] (a copy, so callers cannot change the cache) or JsonValue.</summary>
    private static object DecodeObject(in TopicValue value) => value.Type switch
    {
        TopicType.String => Encoding.UTF8.GetString(value.Span),
        TopicType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(value.Span),
        TopicType.Double => BinaryPrimitives.ReadDoubleLittleEndian(value.Span),
        TopicType.Json => JsonValue.FromTrusted(value.Bytes),
        _ => value.Bytes.ToArray(),
    };

    /// <summary>
    /// Reads the JSON form of a value (protocol §3.1) into wire bytes. Throws
    /// <see cref="FormatException"/> or <see cref="InvalidOperationException"/> for a form the
    /// type does not allow; callers turn that into a protocol error.
    /// </summary>
    public static TopicValue FromJsonForm(TopicType type, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return TopicValue.NoValue(type);
        }
        byte[] bytes;
        switch (type)
        {
            case TopicType.Json:
            case TopicType.String:
                // Server text: well-formed already, so no second validation pass.
                bytes = Encoding.UTF8.GetBytes(value.GetString()!);
                break;
            case TopicType.Int64:
                return TopicValues.Encode(value.ValueKind == JsonValueKind.String
                    ? long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                    : value.GetInt64());
            case TopicType.Double:
                return TopicValues.Encode(value.ValueKind == JsonValueKind.String ? ParseSpecialDouble(value.GetString()!) : value.GetDouble());
            case TopicType.Binary:
                bytes = value.GetBytesFromBase64();
                break;
            default:
                throw new FormatException($"values of {type.WireName()} topics have no JSON form in protocol 1");
        }
        return TopicValue.FromEncoded(type, bytes);
    }

    private static double ParseSpecialDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => throw new FormatException($"'{text}' is not a DOUBLE value"),
    };
}
