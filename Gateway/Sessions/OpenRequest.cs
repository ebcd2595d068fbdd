using System.Text.Json;
using System.Text.Json.Nodes;
using Topiary.Errors;
using Topiary.Gateway.Protocol;

namespace Topiary.Gateway.Sessions;

/// <summary>The client's first message (docs/protocol.md §2).</summary>
internal sealed record OpenRequest(string Principal, string? Password, string ClientType)
{
    /// <summary>The protocol versions this gateway speaks.</summary>
    public const int ProtocolVersion = 1;

    /// <summary>The longest principal name and environment description (docs/protocol.md §2).</summary>
    public const int MaxTextLength = 256;

    public static OpenRequest Parse(ReadOnlyMemory<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            throw ProtocolErrors.InvalidArgument("message", "MALFORMED_JSON", "the first message must be the JSON 'open' message of docs/protocol.md §2");
        }
        using (document)
        {
            var root = document.RootElement;
            // JsonElement's typed getters throw on the wrong kind of element (and on a string
            // with an unpaired surrogate escape): check kinds first, decode text guarded.
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String || RequestArguments.Text(type, "type") != "open")
            {
                throw ProtocolErrors.InvalidArgument("type", "EXPECTED_OPEN", "the first message must have \"type\": \"open\"");
            }
            if (!root.TryGetProperty("protocol", out var protocol))
            {
                throw ProtocolErrors.Missing("protocol", $"the protocol version, {ProtocolVersion}");
            }
            if (protocol.ValueKind != JsonValueKind.Number)
            {
                throw ProtocolErrors.WrongType("protocol", $"a number, the protocol version {ProtocolVersion}");
            }
            if (!protocol.TryGetInt32(out var version) || version != ProtocolVersion)
            {
                throw TopiaryException.Create(ErrorCode.ProtocolVersionMismatch,
                    $"this gateway speaks protocol version {ProtocolVersion}; send \"protocol\": {ProtocolVersion}",
                    new JsonObject { ["supported"] = new JsonArray(ProtocolVersion) });
            }
            var principal = root.OptionalString("principal") ?? "";
            var password = root.OptionalString("password");
            var clientType = root.OptionalString("clientType") ?? "OTHER";
            var environment = root.OptionalString("environment") ?? "";
            if (principal.Length > MaxTextLength)
            {
                throw ProtocolErrors.InvalidArgument("principal", "TOO_LONG", $"the principal name may have at most {MaxTextLength} characters");
            }
            if (principal.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') >= 0 || principal.Contains('\u007f', StringComparison.Ordinal))
            {
                // SEC-1: a principal name has no control characters.
                throw ProtocolErrors.InvalidArgument("principal", "CONTROL_CHARACTER", "the principal name must not contain control characters");
            }
            if (environment.Length > MaxTextLength)
            {
                throw ProtocolErrors.InvalidArgument("environment", "TOO_LONG", $"the environment description may have at most {MaxTextLength} characters");
            }
            return new OpenRequest(principal, password, clientType);
        }
    }
}
