namespace Topiary.Topics;

/// <summary>
/// A topic value as it travels and is stored: the type and the encoded bytes (spec/topics.md
/// TOP-10..TOP-12), or "no value". Encodings: JSON = UTF-8 JSON text byte for byte as
/// received; STRING = UTF-8; INT64 = 8 bytes little-endian two's complement; DOUBLE = 8 bytes
/// little-endian IEEE 754 binary64; BINARY = the bytes themselves.
/// </summary>
/// <remarks>
/// A <see cref="TopicValue"/> does not copy or own its bytes: whoever creates one must not
/// change them afterwards. It is not validated by construction: use
/// <see cref="TopicValues.Validate"/> or the <see cref="TopicValues"/> encoders. Equality
/// compares type, presence and bytes. <c>default</c> is "no value" of a JSON topic.
/// </remarks>
public readonly struct TopicValue : IEquatable<TopicValue>
{
    private TopicValue(TopicType type, ReadOnlyMemory<byte> bytes, bool hasValue)
    {
        Type = type;
        Bytes = bytes;
        HasValue = hasValue;
    }

    /// <summary>The type the bytes are encoded as.</summary>
    public TopicType Type { get; }

    /// <summary>False for "no value" (a cleared STRING, INT64 or DOUBLE topic, or a topic never set).</summary>
    public bool HasValue { get; }

    /// <summary>The encoded value; empty when there is no value (an empty STRING or BINARY value is also empty).</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The encoded value as a span.</summary>
    public ReadOnlySpan<byte> Span => Bytes.Span;

    /// <summary>Wraps bytes already encoded as <paramref name="type"/>, without checking or copying them.</summary>
    public static TopicValue FromEncoded(TopicType type, ReadOnlyMemory<byte> encoded) => new(type, encoded, hasValue: true);

    /// <summary>"No value" for a topic of <paramref name="type"/> (TOP-13).</summary>
    public static TopicValue NoValue(TopicType type) => new(type, ReadOnlyMemory<byte>.Empty, hasValue: false);

    public static bool operator ==(TopicValue left, TopicValue right) => left.Equals(right);

    public static bool operator !=(TopicValue left, TopicValue right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(TopicValue other) =>
        Type == other.Type && HasValue == other.HasValue && Span.SequenceEqual(other.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TopicValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Type);
        hash.Add(HasValue);
        hash.AddBytes(Span);
        return hash.ToHashCode();
    }

    /// <summary>Type and size, never the content (values may be sensitive): <c>JSON (12 bytes)</c>, <c>INT64 (no value)</c>.</summary>
    public override string ToString() =>
        HasValue ? $"{Type.WireName()} ({Bytes.Length} bytes)" : $"{Type.WireName()} (no value)";
}
