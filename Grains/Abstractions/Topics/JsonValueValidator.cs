using System.Text;
using System.Text.Json;

namespace Topiary.Topics;

/// <summary>
/// Checks that bytes are one well-formed JSON value (RFC 8259, TOP-11): valid UTF-8, no
/// comments or trailing commas, nothing but whitespace after the value, nesting at most
/// <see cref="TopicLimits.MaxJsonDepth"/>; optionally no duplicate member names. Positions
/// are byte offsets. Allocates nothing unless duplicate members are checked.
/// </summary>
internal static class JsonValueValidator
{
    // One more than allowed, so that the reader never fails on depth itself and
    // exceeding the limit is reported with its own reason (see the StartArray check).
    private static readonly JsonReaderOptions Options = new() { MaxDepth = TopicLimits.MaxJsonDepth + 1 };

    public static ValueError? Check(ReadOnlySpan<byte> json, bool rejectDuplicateMembers)
    {
        // Utf8JsonReader does not check UTF-8 inside strings, so the whole text is checked first.
        var invalid = Utf8Text.FindInvalid(json);
        if (invalid >= 0)
        {
            return new ValueError(InvalidValueReasons.InvalidUtf8, "JSON value is not valid UTF-8", invalid);
        }
        var reader = new Utf8JsonReader(json, Options);
        Stack<HashSet<string>>? objects = rejectDuplicateMembers ? new() : null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= TopicLimits.MaxJsonDepth)
                        {
                            return new ValueError(
                                InvalidValueReasons.DepthExceeded,
                                $"JSON value nests arrays and objects deeper than {TopicLimits.MaxJsonDepth} levels",
                                (int)reader.TokenStartIndex);
                        }
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            objects?.Push(new HashSet<string>(StringComparer.Ordinal));
                        }
                        break;
                    case JsonTokenType.EndObject:
                        objects?.Pop();
                        break;
                    case JsonTokenType.PropertyName when objects is not null:
                        var name = MemberName(ref reader);
                        if (!objects.Peek().Add(name))
                        {
                            return new ValueError(
                                InvalidValueReasons.DuplicateMember,
                                $"JSON object has a second member named '{name}'",
                                (int)reader.TokenStartIndex);
                        }
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            return new ValueError(
                InvalidValueReasons.MalformedJson, $"malformed JSON ({FirstSentence(e.Message)})", ByteOffset(json, e));
        }
        return null;
    }

    private static string MemberName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped unpaired surrogate ("\ud800") is well-formed JSON but has no .NET
            // string; key it by its raw text behind a lone surrogate, which GetString never
            // returns, so it cannot collide with a decodable name.
            return "\uD800" + Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>The reader reports line and byte-in-line; lines end at '\n' only, as the reader counts them.</summary>
    private static int ByteOffset(ReadOnlySpan<byte> json, JsonException e)
    {
        var line = e.LineNumber ?? 0;
        var offset = 0;
        while (line > 0 && offset < json.Length)
        {
            var next = json[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }
            offset += next + 1;
            line--;
        }
        return (int)Math.Min(json.Length, offset + (e.BytePositionInLine ?? 0));
    }

    private static string FirstSentence(string message)
    {
        // The reader's message ends with its own "LineNumber: … | BytePositionInLine: …"; our position replaces it.
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end >= 0 ? message[..end] : message).TrimEnd('.', ' ');
    }
}
