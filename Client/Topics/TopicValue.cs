using System.Buffers.Binary;
using System.Text;
using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// A topic value of any type: the topic type plus the value's wire encoding (protocol §5:
/// JSON and STRING as UTF-8, INT64 and DOUBLE as 8 little-endian bytes, BINARY raw), or
/// "no value" (spec/topics.md TOP-13). Streams of <see cref="TopicValue"/> or <see cref="object"/>
/// receive topics of every type; fetch results expose their values this way.
/// </summary>
/// <remarks>
/// The typed accessors throw <see cref="Errors.TopiaryArgumentException"/> with code
/// INCOMPATIBLE_TYPE when asked for another type than <see cref="Type"/>, and return
/// <see langword="null"/> when <see cref="HasValue"/> is false. Immutable; safe to share.
/// Equality compares type, presence and bytes.
/// </remarks>
public readonly struct TopicValue : IEquatable<TopicValue>
{
    internal TopicValue(TopicType type, ReadOnlyMemory<byte> bytes, bool hasValue)
    {
        Type = type;
        Bytes = bytes;
        HasValue = hasValue;
    }

    /// <summary>The type of the topic the value belongs to.</summary>
    public TopicType Type { get; }

    /// <summary>False when the topic has no value (never set, or cleared with <see langword="null"/>).</summary>
    public bool HasValue { get; }

    /// <summary>The wire encoding of the value (empty when there is none). Do not modify the memory behind it.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>"No value" for a topic of <paramref name="type"/>.</summary>
    public static TopicValue None(TopicType type) => new(type, ReadOnlyMemory<byte>.Empty, hasValue: false);

    /// <summary>The value of a STRING topic.</summary>
    public string? AsString() => Check(TopicType.String) ? Encoding.UTF8.GetString(Bytes.Span) : null;

    /// <summary>The value of an INT64 topic.</summary>
    public long? AsInt64() => Check(TopicType.Int64) ? BinaryPrimitives.ReadInt64LittleEndian(Bytes.Span) : null;

    /// <summary>The value of a DOUBLE topic.</summary>
    public double? AsDouble() => Check(TopicType.Double) ? BinaryPrimitives.ReadDoubleLittleEndian(Bytes.Span) : null;

    /// <summary>The value of a BINARY topic, without copying.</summary>
    public ReadOnlyMemory<byte>? AsBinary() => Check(TopicType.Binary) ? Bytes : null;

    /// <summary>The value of a JSON topic, as its exact text.</summary>
    public JsonValue? AsJson() => Check(TopicType.Json) ? JsonValue.FromTrusted(Bytes) : null;

    /// <summary>
    /// The value converted to <typeparamref name="T"/> by the rules of typed streams
    /// (<see cref="ITopics.AddStream{T}"/>); <c>default</c> when there is no value.
    /// </summary>
    public T? As<T>() => ValueReader.Decode<T>(this);

    /// <summary>The value as <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="byte"/>[] (a copy) or <see cref="JsonValue"/>; null when none.</summary>
    public object? ToObject() => ValueReader.Decode<object>(this);

    /// <inheritdoc/>
    public bool Equals(TopicValue other) =>
        Type == other.Type && HasValue == other.HasValue && Bytes.Span.SequenceEqual(other.Bytes.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TopicValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Type);
        hash.Add(HasValue);
        hash.AddBytes(Bytes.Span);
        return hash.ToHashCode();
    }

    /// <summary>A short description for logs: type and value.</summary>
    public override string ToString() => HasValue ? $"{Type.WireName()} {ToObject()}" : $"{Type.WireName()} (no value)";

    public static bool operator ==(TopicValue left, TopicValue right) => left.Equals(right);

    public static bool operator !=(TopicValue left, TopicValue right) => !left.Equals(right);

    private bool Check(TopicType expected)
    {
        if (Type != expected)
        {
            throw Requests.ClientErrors.IncompatibleType(Type, expected);
        }
        return HasValue;
    }
}
