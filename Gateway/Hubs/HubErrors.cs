using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Topiary.Errors;
using Topiary.Gateway.Protocol;

namespace Topiary.Gateway.Hubs;

/// <summary>
/// Errors as SignalR callers see them: a <see cref="HubException"/> whose message is the error
/// envelope of docs/protocol.md §3 as compact JSON, the same object a native client receives.
/// SignalR passes a HubException's message to the client verbatim after its own prefix
/// (<c>… HubException: </c>), so the code, name and details stay machine-readable.
/// </summary>
internal static class HubErrors
{
    /// <summary>From an envelope received as JSON (an error response of the session core).</summary>
    public static HubException From(JsonElement envelope) => new(envelope.GetRawText());

    public static HubException From(ErrorEnvelope envelope)
    {
        var writer = JsonMessageWriter.Start();
        Messages.WriteError(writer, envelope);
        return new HubException(Encoding.UTF8.GetString(JsonMessageWriter.Finish()));
    }

    /// <summary>SESSION_CLOSED: no session is open on this connection (not yet, or no longer).</summary>
    public static HubException SessionClosed(string closeReason, string message) =>
        From(ErrorEnvelope.For(ErrorCode.SessionClosed, message, new JsonObject { ["closeReason"] = closeReason }));
}
