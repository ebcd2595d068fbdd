using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Topiary.Topics;

// Encoders from .NET values and decoders back, mainly for the SDK. Encoders return values
// whose bytes are freshly allocated, so the caller may keep or share them.
public static partial class TopicValues
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>An INT64 value: 8 bytes little-endian.</summary>
    public static TopicValue Encode(long value)
    {
        var bytes = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return TopicValue.FromEncoded(TopicType.Int64, bytes);
    }

    /// <summary>A DOUBLE value: 8 bytes little-endian IEEE 754; NaN and infinities are kept (the topic's VALIDATE_VALUES decides).</summary>
    public static TopicValue Encode(double value)
    {
        var bytes = new byte[sizeof(double)];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return TopicValue.FromEncoded(TopicType.Double, bytes);
    }

    /// <summary>
    /// A STRING value in UTF-8. Fails with INVALID_VALUE (<c>UNPAIRED_SURROGATE</c>, <c>position</c>
    /// in UTF-16 units) rather than replacing an unpaired surrogate. Use
    /// <see cref="TopicValue.NoValue"/> to clear a topic.
    /// </summary>
    public static TopicValue Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        EnsureNoUnpairedSurrogate(value, "STRING");
        return TopicValue.FromEncoded(TopicType.String, Encoding.UTF8.GetBytes(value));
    }

    /// <summary>
    /// A JSON value from JSON text, kept exactly as written. Fails with INVALID_VALUE as
    /// <see cref="Validate"/> does for JSON, except that <c>position</c> counts UTF-16 units of
    /// <paramref name="json"/>. Size is not checked here: the limit is the server's setting.
    /// </summary>
    public static TopicValue EncodeJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        EnsureNoUnpairedSurrogate(json, "JSON");
        var bytes = Encoding.UTF8.GetBytes(json);
        if (JsonValueValidator.Check(bytes, rejectDuplicateMembers: false) is { } error)
        {
            // The text came from a valid string, so every byte offset falls in valid UTF-8.
            int? position = error.Position is { } p ? Encoding.UTF8.GetCharCount(bytes.AsSpan(0, p)) : null;
            throw error.ToException(position);
        }
        return TopicValue.FromEncoded(TopicType.Json, bytes);
    }

    /// <summary>
    /// A JSON value from a parsed element, using its original text. Fails with INVALID_VALUE
    /// (<c>UNDEFINED</c>) for <c>default(JsonElement)</c>, and as <see cref="EncodeJson(string)"/>
    /// when the element nests deeper than 64.
    /// </summary>
    public static TopicValue EncodeJson(JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.Undefined)
        {
            throw new ValueError(InvalidValueReasons.Undefined, "JSON element is undefined", null).ToException();
        }
        return EncodeJson(json.GetRawText());
    }

    /// <summary>A BINARY value holding a copy of <paramref name="bytes"/>.</summary>
    public static TopicValue EncodeBinary(ReadOnlySpan<byte> bytes) => TopicValue.FromEncoded(TopicType.Binary, bytes.ToArray());

    /// <summary>Reads an INT64 value; INVALID_VALUE (<c>WRONG_LENGTH</c>) unless exactly 8 bytes.</summary>
    public static long DecodeInt64(ReadOnlySpan<byte> encoded)
    {
        if (CheckLength(encoded, "INT64") is { } error)
        {
            throw error.ToException();
        }
        return BinaryPrimitives.ReadInt64LittleEndian(encoded);
    }

    /// <summary>Reads a DOUBLE value, NaN and infinities included; INVALID_VALUE (<c>WRONG_LENGTH</c>) unless exactly 8 bytes.</summary>
    public static double DecodeDouble(ReadOnlySpan<byte> encoded)
    {
        if (CheckLength(encoded, "DOUBLE") is { } error)
        {
            throw error.ToException();
        }
        return BinaryPrimitives.ReadDoubleLittleEndian(encoded);
    }

    /// <summary>Reads a STRING value; INVALID_VALUE (<c>INVALID_UTF8</c>, byte <c>position</c>) for invalid UTF-8.</summary>
    public static string DecodeString(ReadOnlySpan<byte> encoded) => DecodeUtf8(encoded, "STRING");

    /// <summary>Reads a JSON value's text exactly as stored; INVALID_VALUE (<c>INVALID_UTF8</c>) for invalid UTF-8. Does not re-check the JSON syntax.</summary>
    public static string DecodeJson(ReadOnlySpan<byte> encoded) => DecodeUtf8(encoded, "JSON");

    private static string DecodeUtf8(ReadOnlySpan<byte> encoded, string typeName)
    {
        if (CheckUtf8(encoded, typeName) is { } error)
        {
            throw error.ToException();
        }
        return StrictUtf8.GetString(encoded);
    }

    private static void EnsureNoUnpairedSurrogate(string text, string typeName)
    {
        var position = Utf8Text.FindUnpairedSurrogate(text);
        if (position >= 0)
        {
            throw new ValueError(
                InvalidValueReasons.UnpairedSurrogate, $"{typeName} text has an unpaired surrogate", position).ToException();
        }
    }
}
