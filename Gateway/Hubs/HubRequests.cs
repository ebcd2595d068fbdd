using System.Text.Json;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Sessions;

namespace Topiary.Gateway.Hubs;

/// <summary>
/// Hub invocations rewritten as the native protocol's messages (docs/protocol.md §2–§3), so the
/// session core parses and validates them exactly as it does for native clients.
/// </summary>
internal static class HubRequests
{
    /// <summary>The native <c>open</c> message for the hub's <c>open</c> argument (principal, password, clientType, environment).</summary>
    public static byte[] Open(JsonElement args)
    {
        if (args.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            throw ProtocolErrors.WrongType("args", "a JSON object: { principal, password, clientType, environment }");
        }
        var writer = JsonMessageWriter.Start();
        writer.WriteStartObject();
        writer.WriteString("type", "open");
        writer.WriteNumber("protocol", OpenRequest.ProtocolVersion);
        if (args.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in args.EnumerateObject())
            {
                // The hub speaks protocol 1 only; the members that say so are not the caller's to set.
                if (!property.NameEquals("type") && !property.NameEquals("protocol"))
                {
                    property.WriteTo(writer);
                }
            }
        }
        writer.WriteEndObject();
        return JsonMessageWriter.Finish().ToArray();
    }

    /// <summary>The native request <c>{ "id", "op", "args" }</c>; copied, since the session core keeps it across awaits.</summary>
    public static byte[] Request(long id, string op, JsonElement args)
    {
        var writer = JsonMessageWriter.Start();
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteString("op", op);
        if (args.ValueKind != JsonValueKind.Undefined)
        {
            writer.WritePropertyName("args");
            args.WriteTo(writer);
        }
        writer.WriteEndObject();
        return JsonMessageWriter.Finish().ToArray();
    }
}
