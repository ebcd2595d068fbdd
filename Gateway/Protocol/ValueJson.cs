using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Gateway.Protocol;

/// <summary>
/// The JSON form of values in requests and results (docs/protocol.md §3.1) to and from the
/// wire bytes topics store (§5).
/// </summary>
internal static class ValueJson
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The wire bytes of <paramref name="value"/>, or null for JSON <c>null</c> ("no value").</summary>
    public static byte[]? Decode(TopicType type, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return type switch
        {
            TopicType.Json => Utf8(ExpectString(value, type)),
            TopicType.String => Utf8(ExpectString(value, type)),
            TopicType.Int64 => DecodeInt64(value),
            TopicType.Double => DecodeDouble(value),
            TopicType.Binary => TryReadBase64(value, out var bytes)
                ? bytes
                : throw Invalid(type, "a base64 string (RFC 4648, with padding)"),
            _ => throw TopiaryException.Create(ErrorCode.Unsupported, $"{type.WireName()} values are not supported yet",
                new JsonObject { ["feature"] = type.WireName() }),
        };
    }

    /// <summary>Writes the JSON form of a value of <paramref name="type"/>.</summary>
    public static void Write(Utf8JsonWriter writer, TopicType type, ReadOnlySpan<byte> bytes)
    {
        switch (type)
        {
            case TopicType.Json:
            case TopicType.String:
                writer.WriteStringValue(bytes);
                break;
            case TopicType.Int64:
                writer.WriteStringValue(BinaryPrimitives.ReadInt64LittleEndian(bytes).ToString(CultureInfo.InvariantCulture));
                break;
            case TopicType.Double:
                var number = BinaryPrimitives.ReadDoubleLittleEndian(bytes);
                if (double.IsFinite(number))
                {
                    writer.WriteNumberValue(number);
                }
                else
                {
                    writer.WriteStringValue(double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
                }
                break;
            default:
                writer.WriteBase64StringValue(bytes);
                break;
        }
    }

    private static byte[] DecodeInt64(JsonElement value)
    {
        if (!TryReadInt64(value, out var number))
        {
            throw Invalid(TopicType.Int64, "a decimal integer from -9223372036854775808 to 9223372036854775807, as a string or a JSON integer");
        }
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, number);
        return bytes;
    }

    private static bool TryReadInt64(JsonElement value, out long number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out number),
            JsonValueKind.String => long.TryParse(Text(value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    private static byte[] DecodeDouble(JsonElement value)
    {
        if (!TryReadDouble(value, out var number))
        {
            throw Invalid(TopicType.Double, "a JSON number or one of \"NaN\", \"Infinity\", \"-Infinity\"");
        }
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, number);
        return bytes;
    }

    private static bool TryReadDouble(JsonElement value, out double number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number),
            JsonValueKind.String => SpecialDouble(Text(value), out number),
            _ => false,
        };
    }

    private static bool SpecialDouble(string text, out double number)
    {
        number = text switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => 0,
        };
        return text is "NaN" or "Infinity" or "-Infinity";
    }

    private static string ExpectString(JsonElement value, TopicType type)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(type, type == TopicType.Json ? "a JSON string holding the JSON text" : "a JSON string");
        }
        return Text(value);
    }

    // The JSON reader accepts invalid UTF-8 and unpaired surrogate escapes inside strings and
    // fails only when they are decoded: that is the client's mistake, not an internal error.
    private static string Text(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw TopiaryException.Create(ErrorCode.InvalidValue,
                "the value is not valid Unicode text: it holds invalid UTF-8 or an unpaired surrogate",
                new JsonObject { ["reason"] = "INVALID_UNICODE" });
        }
    }

    private static bool TryReadBase64(JsonElement value, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        try
        {
            return value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out bytes);
        }
        catch (InvalidOperationException)
        {
            // An unpaired surrogate escape: not base64 either.
            return false;
        }
    }

    private static byte[] Utf8(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException exception)
        {
            throw TopiaryException.Create(ErrorCode.InvalidValue,
                $"the value is not valid Unicode: unpaired surrogate at position {exception.Index}",
                new JsonObject { ["reason"] = "INVALID_UNICODE", ["position"] = exception.Index });
        }
    }

    private static TopiaryException Invalid(TopicType type, string expected) => TopiaryException.Create(
        ErrorCode.InvalidValue,
        $"a {type.WireName()} value must be sent as {expected}",
        new JsonObject { ["reason"] = "WRONG_FORM", ["expected"] = expected });
}
