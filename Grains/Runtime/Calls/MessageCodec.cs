using System.Text;
using System.Text.Json;
using Topiary.Errors;

namespace Topiary.Runtime.Calls;

/// <summary>
/// The envelope format carried by <see cref="Transport.IGrainTransport"/>: one JSON object per message,
/// properties in a fixed order so that the header is read before the arguments it describes.
/// <code>
/// request  {"v":1,"t":"q","id":7,"from":"addr","tmo":30000,"g":"Ns.IFoo","k":"key"|"o":"observer-id","m":"IFoo.Bar(Int32)","c":["type/key",…]?,"a":[…]}
/// response {"v":1,"t":"r","id":7}  |  {"v":1,"t":"r","id":7,"r":result}  |  {"v":1,"t":"r","id":7,"e":{error envelope}}
/// </code>
/// </summary>
internal static class MessageCodec
{
    public const int Version = 1;

    public static void WriteRequest(
        Utf8JsonWriter writer, long callId, string replyTo, long timeoutMilliseconds, in CallTarget target,
        MethodDescriptor method, ValueCodec[] codecs, object?[] arguments, CallChain? chain)
    {
        writer.WriteStartObject();
        writer.WriteNumber("v"u8, Version);
        writer.WriteString("t"u8, "q"u8);
        writer.WriteNumber("id"u8, callId);
        writer.WriteString("from"u8, replyTo);
        writer.WriteNumber("tmo"u8, timeoutMilliseconds);
        writer.WriteString("g"u8, target.Interface.Name);
        writer.WriteString(target.IsObserver ? "o"u8 : "k"u8, target.Key);
        writer.WriteString("m"u8, method.Id);
        if (chain is not null)
        {
            writer.WritePropertyName("c"u8);
            chain.Write(writer);
        }
        writer.WritePropertyName("a"u8);
        writer.WriteStartArray();
        for (var i = 0; i < codecs.Length; i++)
        {
            codecs[i].Write(writer, arguments[i]);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteResult(Utf8JsonWriter writer, long callId, ValueCodec? codec, object? result)
    {
        WriteResponseHeader(writer, callId);
        if (codec is not null)
        {
            writer.WritePropertyName("r"u8);
            codec.Write(writer, result);
        }
        writer.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter writer, long callId, ErrorEnvelope error)
    {
        WriteResponseHeader(writer, callId);
        writer.WritePropertyName("e"u8);
        JsonSerializer.Serialize(writer, error, RuntimeJsonContext.Default.ErrorEnvelope);
        writer.WriteEndObject();
    }

    /// <summary>Reads <c>{"v","t","id"</c>; returns whether the message is a response, and its call id.</summary>
    public static (bool IsResponse, long CallId) ReadHeader(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A message must be a JSON object.");
        }
        ReadProperty(ref reader, "v"u8);
        if (reader.GetInt32() != Version)
        {
            throw new JsonException($"Unsupported message version {reader.GetInt32()}; this process speaks version {Version}.");
        }
        ReadProperty(ref reader, "t"u8);
        var isResponse = reader.ValueTextEquals("r"u8);
        if (!isResponse && !reader.ValueTextEquals("q"u8))
        {
            throw new JsonException("Unknown message type.");
        }
        ReadProperty(ref reader, "id"u8);
        return (isResponse, reader.GetInt64());
    }

    /// <summary>Reads the rest of a response: a result (via <paramref name="codec"/>), nothing, or an error.</summary>
    public static (object? Result, ErrorEnvelope? Error) ReadResponseBody(ref Utf8JsonReader reader, ValueCodec? codec)
    {
        var name = ReadNextPropertyName(ref reader);
        if (name is null)
        {
            return (null, null);
        }
        reader.Read();
        if (name == "e")
        {
            return (null, JsonSerializer.Deserialize(ref reader, RuntimeJsonContext.Default.ErrorEnvelope)
                ?? throw new JsonException("An error response carries no error."));
        }
        if (name != "r" || codec is null)
        {
            throw new JsonException($"Unexpected response property '{name}'.");
        }
        return (codec.Read(ref reader), null);
    }

    /// <summary>
    /// Looks up the string value at the reader in <paramref name="lookup"/> without allocating a string
    /// (names and ids the process already knows). <paramref name="text"/> is set only when not found.
    /// </summary>
    public static bool TryLookup<T>(ref Utf8JsonReader reader, Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> lookup,
        out T value, out string? text)
    {
        const int MaxStackChars = 256;
        text = null;
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length <= MaxStackChars)
        {
            Span<char> buffer = stackalloc char[MaxStackChars];
            var written = reader.CopyString(buffer);
            if (lookup.TryGetValue(buffer[..written], out value!))
            {
                return true;
            }
        }
        text = reader.GetString();
        value = default!;
        return false;
    }

    /// <summary>Moves to the next property, requires it to be <paramref name="name"/>, and moves onto its value.</summary>
    public static void ReadProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(name))
        {
            throw new JsonException($"Expected property '{Encoding.UTF8.GetString(name)}'.");
        }
        reader.Read();
    }

    /// <summary>Moves to the next property and returns its name (reader stays on the name), or <c>null</c> at the end of the object.</summary>
    public static string? ReadNextPropertyName(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
        {
            return null;
        }
        return reader.TokenType == JsonTokenType.PropertyName
            ? reader.GetString()
            : throw new JsonException("Expected a property name.");
    }

    private static void WriteResponseHeader(Utf8JsonWriter writer, long callId)
    {
        writer.WriteStartObject();
        writer.WriteNumber("v"u8, Version);
        writer.WriteString("t"u8, "r"u8);
        writer.WriteNumber("id"u8, callId);
    }
}
