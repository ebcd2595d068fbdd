using System.Buffers.Binary;
using System.Text;
using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// Typed access to a <see cref="TopicValue"/> (the type plus wire bytes shared with the server),
/// as received by "any type" streams and in fetch results.
/// </summary>
/// <remarks>
/// Each accessor throws <see cref="Errors.TopiaryArgumentException"/> with code INCOMPATIBLE_TYPE
/// when the value's <see cref="TopicValue.Type"/> is another type, and returns null when the
/// value has none. Pure functions; safe from any thread.
/// </remarks>
public static class TopicValueExtensions
{
    /// <summary>The value of a STRING topic.</summary>
    public static string? AsString(this TopicValue value) =>
        Check(value, TopicType.String) ? Encoding.UTF8.GetString(value.Span) : null;

    /// <summary>The value of an INT64 topic.</summary>
    public static long? AsInt64(this TopicValue value) =>
        Check(value, TopicType.Int64) ? BinaryPrimitives.ReadInt64LittleEndian(value.Span) : null;

    /// <summary>The value of a DOUBLE topic.</summary>
    public static double? AsDouble(this TopicValue value) =>
        Check(value, TopicType.Double) ? BinaryPrimitives.ReadDoubleLittleEndian(value.Span) : null;

    /// <summary>The value of a BINARY topic, without copying (do not modify it).</summary>
    public static ReadOnlyMemory<byte>? AsBinary(this TopicValue value) =>
        Check(value, TopicType.Binary) ? value.Bytes : null;

    /// <summary>The value of a JSON topic, as its exact text.</summary>
    public static JsonValue? AsJson(this TopicValue value) =>
        Check(value, TopicType.Json) ? JsonValue.FromTrusted(value.Bytes) : null;

    /// <summary>
    /// The value as <typeparamref name="T"/>, by the rules of typed streams
    /// (<see cref="IValueStream{T}"/>): <c>default</c> when there is no value; INCOMPATIBLE_TYPE
    /// when <typeparamref name="T"/> stands for another topic type; INVALID_ARGUMENT for a
    /// <typeparamref name="T"/> that stands for no topic type.
    /// </summary>
    public static T? As<T>(this TopicValue value) => ValueReader.Decode<T>(value);

    /// <summary>
    /// The value as <see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
    /// <see cref="byte"/>[] (a copy) or <see cref="JsonValue"/>; null when there is none.
    /// </summary>
    public static object? ToObject(this TopicValue value) => ValueReader.Decode<object>(value);

    private static bool Check(TopicValue value, TopicType requested)
    {
        if (value.Type != requested)
        {
            throw Requests.ClientErrors.IncompatibleType(value.Type, requested);
        }
        return value.HasValue;
    }
}
