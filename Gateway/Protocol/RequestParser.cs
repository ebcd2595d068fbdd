using System.Text.Json;

namespace Topiary.Gateway.Protocol;

/// <summary>
/// Reads the request envelope <c>{ "id", "op", "args" }</c> (docs/protocol.md §3). A
/// malformed envelope raises INVALID_ARGUMENT naming what is wrong; the id
/// is reported whenever it could be read, so the error can still answer the request.
/// </summary>
internal static class RequestParser
{
    /// <summary>Parses a text message; the caller disposes <paramref name="document"/> after handling.</summary>
    public static ProtocolRequest Parse(ReadOnlyMemory<byte> message, out JsonDocument? document, out long? id)
    {
        id = null;
        try
        {
            document = JsonDocument.Parse(message, new JsonDocumentOptions { MaxDepth = 80 });
        }
        catch (JsonException exception)
        {
            document = null;
            throw ProtocolErrors.InvalidArgument("message", "MALFORMED_JSON",
                $"the message is not valid JSON (byte {exception.BytePositionInLine}, line {exception.LineNumber + 1}); every text message is one JSON object");
        }
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ProtocolErrors.WrongType("message", "a JSON object");
        }
        if (!root.TryGetProperty("id", out var idElement))
        {
            throw ProtocolErrors.Missing("id", "a non-negative integer that the response will echo");
        }
        if (idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt64(out var parsedId) || parsedId < 0)
        {
            throw ProtocolErrors.WrongType("id", "a non-negative integer that the response will echo");
        }
        id = parsedId;
        if (!root.TryGetProperty("op", out var op))
        {
            throw ProtocolErrors.Missing("op", "the operation name, for example \"topics.add\"");
        }
        if (op.ValueKind != JsonValueKind.String)
        {
            throw ProtocolErrors.WrongType("op", "a string, the operation name, for example \"topics.add\"");
        }
        var args = root.TryGetProperty("args", out var argsElement) ? argsElement : default;
        if (args.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            throw ProtocolErrors.WrongType("args", "a JSON object");
        }
        return new ProtocolRequest(parsedId, RequestArguments.Text(op, "op"), args);
    }
}
