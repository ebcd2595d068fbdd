using System.Globalization;
using System.Text.Json;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Gateway.Protocol;

/// <summary>Writers of the server's JSON control messages (docs/protocol.md §2–§6).</summary>
internal static class Messages
{
    public static void WriteError(Utf8JsonWriter writer, ErrorEnvelope error)
    {
        writer.WriteStartObject();
        writer.WriteNumber("code", error.Code);
        writer.WriteString("name", error.Name);
        writer.WriteString("message", error.Message);
        writer.WriteBoolean("retryable", error.Retryable);
        writer.WriteString("outcome", error.Outcome);
        writer.WritePropertyName("details");
        if (error.Details is null)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            error.Details.WriteTo(writer);
        }
        if (error.CorrelationId is not null)
        {
            writer.WriteString("correlationId", error.CorrelationId);
        }
        writer.WriteEndObject();
    }

    public static ReadOnlySpan<byte> ErrorResponse(long id, ErrorEnvelope error)
    {
        var writer = JsonMessageWriter.Start();
        writer.WriteStartObject();
        writer.WriteString("type", "response");
        writer.WriteNumber("id", id);
        writer.WritePropertyName("error");
        WriteError(writer, error);
        writer.WriteEndObject();
        return JsonMessageWriter.Finish();
    }

    /// <summary>An <c>error</c> notification (no request id could be read) or a handshake rejection.</summary>
    public static ReadOnlySpan<byte> ErrorNotification(string type, ErrorEnvelope error)
    {
        var writer = JsonMessageWriter.Start();
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WritePropertyName("error");
        WriteError(writer, error);
        writer.WriteEndObject();
        return JsonMessageWriter.Finish();
    }

    public static ReadOnlySpan<byte> Closing(string reason, string message)
    {
        var writer = JsonMessageWriter.Start();
        writer.WriteStartObject();
        writer.WriteString("type", "closing");
        writer.WriteString("reason", reason);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        return JsonMessageWriter.Finish();
    }

    public static ReadOnlySpan<byte> Subscribed(uint topicId, string path, TopicSpecification specification, ulong epoch, long sequence)
    {
        var writer = JsonMessageWriter.Start();
        writer.WriteStartObject();
        writer.WriteString("type", "subscribed");
        writer.WriteNumber("topicId", topicId);
        writer.WriteString("path", path);
        writer.WritePropertyName("specification");
        WriteSpecification(writer, specification);
        writer.WriteString("epoch", FormatEpoch(epoch));
        writer.WriteNumber("sequence", sequence);
        writer.WriteEndObject();
        return JsonMessageWriter.Finish();
    }

    public static ReadOnlySpan<byte> Unsubscribed(uint topicId, string path, string reason)
    {
        var writer = JsonMessageWriter.Start();
        writer.WriteStartObject();
        writer.WriteString("type", "unsubscribed");
        writer.WriteNumber("topicId", topicId);
        writer.WriteString("path", path);
        writer.WriteString("reason", reason);
        writer.WriteEndObject();
        return JsonMessageWriter.Finish();
    }

    public static void WriteSpecification(Utf8JsonWriter writer, TopicSpecification specification)
    {
        writer.WriteStartObject();
        writer.WriteString("type", specification.Type.WireName());
        writer.WriteStartObject("properties");
        foreach (var (key, value) in specification.Properties)
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Epochs are 64-bit; JSON numbers are not exact past 2^53, so they travel as 16 hex digits.</summary>
    public static string FormatEpoch(ulong epoch) => epoch.ToString("x16", CultureInfo.InvariantCulture);

    public static ReadOnlySpan<byte> Opened(Sessions.ClientSession session, string gateway, int maxMessageSize)
    {
        var writer = JsonMessageWriter.Start();
        writer.WriteStartObject();
        writer.WriteString("type", "opened");
        writer.WriteNumber("protocol", Sessions.OpenRequest.ProtocolVersion);
        writer.WriteString("sessionId", session.Id);
        writer.WriteString("token", session.Token);
        writer.WriteString("gateway", gateway);
        writer.WriteString("serverVersion", Sessions.RequestDispatcher.ServerVersion);
        writer.WriteNumber("maxMessageSize", maxMessageSize);
        writer.WriteNumber("reconnectionTimeout", 0);
        writer.WriteString("principal", session.Principal);
        writer.WriteEndObject();
        return JsonMessageWriter.Finish();
    }
}
