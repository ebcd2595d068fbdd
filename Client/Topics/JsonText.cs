using System.Text;
using System.Text.Json;
using Topiary.Client.Requests;

namespace Topiary.Client.Topics;

/// <summary>
/// Local checks of value text (ERR-34): JSON well-formedness with nesting depth at most 64
/// (TOP-11) and strict Unicode (TOP-12), raising INVALID_VALUE with the offending position.
/// </summary>
internal static class JsonText
{
    /// <summary>Nesting limit of TOP-11.</summary>
    public const int MaxDepth = 64;

    /// <summary>UTF-8 that refuses unpaired surrogates instead of replacing them with U+FFFD.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes <paramref name="text"/> as UTF-8; an unpaired surrogate fails with INVALID_VALUE.</summary>
    public static byte[] EncodeStrict(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw ClientErrors.InvalidValue("UNPAIRED_SURROGATE", e.Index, $"the string has an unpaired surrogate at index {e.Index}");
        }
    }

    /// <summary>Throws INVALID_VALUE unless <paramref name="utf8"/> is exactly one well-formed JSON value.</summary>
    public static void Validate(ReadOnlySpan<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw ClientErrors.InvalidValue("INVALID_UTF8", FirstInvalidUtf8(utf8), "the JSON text is not valid UTF-8");
        }
        // The reader's own limit sits one above ours so that our check, which names the reason, fires first.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        long position = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    throw ClientErrors.InvalidValue("TOO_DEEP", reader.TokenStartIndex, $"the JSON text nests deeper than {MaxDepth} levels");
                }
                position = reader.BytesConsumed;
            }
        }
        catch (JsonException)
        {
            throw ClientErrors.InvalidValue("MALFORMED_JSON", position, $"the JSON text is malformed after byte {position}");
        }
        if (reader.BytesConsumed == 0)
        {
            throw ClientErrors.InvalidValue("MALFORMED_JSON", 0, "the JSON text is empty");
        }
    }

    private static long FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var index = 0;
        while (index < utf8.Length && Rune.DecodeFromUtf8(utf8[index..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            index += consumed;
        }
        return index;
    }
}
