using System.Globalization;
using System.Net;
using System.Text.Json;
using Topiary.Client.Requests;
using Topiary.Client.Topics;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Client.Protocol;

/// <summary>
/// Routes each message from the server: responses to the <see cref="RequestTable"/>,
/// subscription notifications and value frames to the <see cref="SubscriptionTable"/>, other
/// notifications to the session. Runs on the receive loop only, one message at a time.
/// </summary>
/// <remarks>
/// A message that breaks the protocol throws <see cref="ProtocolViolationException"/> and the
/// session closes; messages and frame kinds this version does not know are ignored (protocol §5).
/// </remarks>
internal sealed class MessageDispatcher(RequestTable requests, SubscriptionTable subscriptions, ISessionNotifications session)
{
    public void DispatchText(ReadOnlyMemory<byte> message)
    {
        try
        {
            // The document reads the receive buffer in place; everything kept is copied out before it is disposed.
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            var type = root.GetProperty("type"u8);
            if (type.ValueEquals("response"u8))
            {
                requests.TryComplete(root.GetProperty("id"u8).GetInt64(), root);
            }
            else if (type.ValueEquals("subscribed"u8))
            {
                OnSubscribed(root);
            }
            else if (type.ValueEquals("unsubscribed"u8))
            {
                subscriptions.OnUnsubscribed(root.GetProperty("topicId"u8).GetUInt32(), ParseReason(root.GetProperty("reason"u8)));
            }
            else if (type.ValueEquals("error"u8))
            {
                session.ReportError(TopiaryException.Create(ErrorEnvelopeReader.Read(root.GetProperty("error"u8))));
            }
            else if (type.ValueEquals("closing"u8))
            {
                session.OnClosing(
                    root.GetProperty("reason"u8).GetString() ?? "UNKNOWN",
                    root.TryGetProperty("message"u8, out var text) ? text.GetString() : null);
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException
            or (InvalidOperationException and not ProtocolViolationException))
        {
            throw new ProtocolViolationException($"malformed message from the server: {e.Message}");
        }
    }

    public void DispatchBinary(ReadOnlySpan<byte> frame)
    {
        switch (ValueFrameDecoder.TryDecode(frame, out var value))
        {
            case FrameStatus.Value:
                subscriptions.OnValue(value);
                break;
            case FrameStatus.UnknownKind:
                break;
            default:
                throw new ProtocolViolationException($"malformed value frame of {frame.Length} bytes");
        }
    }

    private void OnSubscribed(JsonElement root)
    {
        var specification = root.GetProperty("specification"u8);
        var type = specification.GetProperty("type"u8).GetString()!;
        var properties = specification.TryGetProperty("properties"u8, out var map) && map.ValueKind == JsonValueKind.Object
            ? TopicRequests.ReadProperties(map)
            : null;
        if (ReadSpecification(type, properties) is not { } parsed)
        {
            // Not deliverable as typed; its value frames are then dropped as those of an unknown id.
            return;
        }
        var epoch = root.TryGetProperty("epoch"u8, out var epochText)
            ? ulong.Parse(epochText.GetString()!, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : 0;
        subscriptions.OnSubscribed(
            root.GetProperty("topicId"u8).GetUInt32(),
            root.GetProperty("path"u8).GetString()!,
            parsed,
            epoch,
            root.TryGetProperty("sequence"u8, out var sequence) ? sequence.GetInt64() : 0);
    }

    /// <summary>
    /// The specification of a subscribed topic. A newer server may send a property or type this
    /// SDK does not know: that is reported, and the topic is delivered without the property or
    /// not at all, rather than closing the session.
    /// </summary>
    private TopicSpecification? ReadSpecification(string type, Dictionary<string, string>? properties)
    {
        try
        {
            return TopicSpecification.Create(TopicTypes.Parse(type), properties);
        }
        catch (TopiaryException e)
        {
            session.ReportError(e);
        }
        try
        {
            return TopicSpecification.Create(TopicTypes.Parse(type));
        }
        catch (TopiaryException)
        {
            return null;
        }
    }

    private static UnsubscribeReason ParseReason(JsonElement reason) => reason.GetString() switch
    {
        "REQUESTED" => UnsubscribeReason.Requested,
        "CONTROL" => UnsubscribeReason.Control,
        "REMOVED" => UnsubscribeReason.Removed,
        "AUTHORIZATION" => UnsubscribeReason.Authorization,
        "BACK_PRESSURE" => UnsubscribeReason.BackPressure,
        "BRANCH_MAPPINGS" => UnsubscribeReason.BranchMappings,
        "STREAM_CHANGE" => UnsubscribeReason.StreamChange,
        _ => UnsubscribeReason.Unknown,
    };
}
