using System.Text;
using System.Text.Json;
using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// The value of a JSON topic: one JSON value held as its UTF-8 text. The text is kept
/// byte-for-byte — the SDK and the server never reformat numbers, whitespace or member order
/// (spec/topics.md TOP-11) — and equality compares those bytes.
/// </summary>
/// <remarks>
/// Instances made by <see cref="Parse(string)"/>, <see cref="Parse(ReadOnlySpan{byte})"/> and
/// <see cref="FromUtf8"/> are well-formed (nesting depth at most 64, valid UTF-8); they throw
/// <see cref="Errors.TopiaryArgumentException"/> with code INVALID_VALUE and the position of the
/// first error otherwise. <c>default(JsonValue)</c> holds no text and is rejected when sent.
/// Immutable and safe to share between threads.
/// </remarks>
public readonly record struct JsonValue
{
    private readonly ReadOnlyMemory<byte> _utf8;

    private JsonValue(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    /// <summary>The UTF-8 JSON text. Do not modify the memory behind it.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8;

    /// <summary>The JSON text, decoded from <see cref="Utf8"/> on every call.</summary>
    public string Text => Encoding.UTF8.GetString(_utf8.Span);

    /// <summary>True for <c>default(JsonValue)</c>, which holds no JSON text.</summary>
    public bool IsEmpty => _utf8.IsEmpty;

    /// <summary>Validates <paramref name="text"/> and keeps its UTF-8 encoding.</summary>
    /// <remarks>The error position counts UTF-16 units of <paramref name="text"/>.</remarks>
    public static JsonValue Parse(string text) =>
        new(TopicValues.EncodeJson(Requests.ClientErrors.NotNull(text, nameof(text))).Bytes);

    /// <summary>Validates <paramref name="utf8"/> and keeps a copy of it.</summary>
    public static JsonValue Parse(ReadOnlySpan<byte> utf8)
    {
        Validate(utf8);
        return new JsonValue(utf8.ToArray());
    }

    /// <summary>Validates <paramref name="utf8"/> and keeps it without copying; the caller must not change it afterwards.</summary>
    public static JsonValue FromUtf8(ReadOnlyMemory<byte> utf8)
    {
        Validate(utf8.Span);
        return new JsonValue(utf8);
    }

    /// <summary>Wraps text that is already known to be well-formed (received from the server).</summary>
    internal static JsonValue FromTrusted(ReadOnlyMemory<byte> utf8) => new(utf8);

    /// <summary>Parses the text into a <see cref="JsonElement"/> that needs no disposal.</summary>
    /// <exception cref="InvalidOperationException">The value is <c>default(JsonValue)</c>.</exception>
    public JsonElement ToJsonElement()
    {
        if (_utf8.IsEmpty)
        {
            throw new InvalidOperationException("default(JsonValue) holds no JSON text");
        }
        var reader = new Utf8JsonReader(_utf8.Span, new JsonReaderOptions { MaxDepth = TopicLimits.MaxJsonDepth + 1 });
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>Byte-for-byte equality of the JSON text (so <c>{"a":1}</c> differs from <c>{ "a": 1 }</c>).</summary>
    public bool Equals(JsonValue other) => _utf8.Span.SequenceEqual(other._utf8.Span);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_utf8.Span);
        return hash.ToHashCode();
    }

    /// <summary>The JSON text.</summary>
    public override string ToString() => Text;

    // The server's own check (TOP-11), so both reject the same text with the same reason and byte position (ERR-34).
    private static void Validate(ReadOnlySpan<byte> utf8) => TopicValues.Validate(TopicType.Json, utf8, validateValues: false, int.MaxValue);
}
