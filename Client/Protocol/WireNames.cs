using System.Text.Json;

namespace Topiary.Client.Protocol;

/// <summary>
/// Member names and operation names of the native protocol (docs/protocol.md), pre-encoded once
/// so writing a request does not re-escape them.
/// </summary>
internal static class WireNames
{
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Op = JsonEncodedText.Encode("op");
    public static readonly JsonEncodedText Args = JsonEncodedText.Encode("args");
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    public static readonly JsonEncodedText Properties = JsonEncodedText.Encode("properties");
    public static readonly JsonEncodedText Selector = JsonEncodedText.Encode("selector");
    public static readonly JsonEncodedText Limit = JsonEncodedText.Encode("limit");
    public static readonly JsonEncodedText After = JsonEncodedText.Encode("after");
    public static readonly JsonEncodedText WithValues = JsonEncodedText.Encode("withValues");
    public static readonly JsonEncodedText WithProperties = JsonEncodedText.Encode("withProperties");

    public static readonly JsonEncodedText Script = JsonEncodedText.Encode("script");
    public static readonly JsonEncodedText IfVersion = JsonEncodedText.Encode("ifVersion");

    public static readonly JsonEncodedText SecurityGetSystemAuthentication = JsonEncodedText.Encode("security.getSystemAuthentication");
    public static readonly JsonEncodedText SecurityUpdateAuthenticationStore = JsonEncodedText.Encode("security.updateAuthenticationStore");
    public static readonly JsonEncodedText SecurityGetSecurity = JsonEncodedText.Encode("security.getSecurity");
    public static readonly JsonEncodedText SecurityUpdateSecurityStore = JsonEncodedText.Encode("security.updateSecurityStore");
    public static readonly JsonEncodedText SecurityGetAuditLog = JsonEncodedText.Encode("security.getAuditLog");

    public static readonly JsonEncodedText TopicsAdd = JsonEncodedText.Encode("topics.add");
    public static readonly JsonEncodedText TopicsAddAndSet = JsonEncodedText.Encode("topics.addAndSet");
    public static readonly JsonEncodedText TopicsSet = JsonEncodedText.Encode("topics.set");
    public static readonly JsonEncodedText TopicsRemove = JsonEncodedText.Encode("topics.remove");
    public static readonly JsonEncodedText TopicsFetch = JsonEncodedText.Encode("topics.fetch");
    public static readonly JsonEncodedText TopicsSubscribe = JsonEncodedText.Encode("topics.subscribe");
    public static readonly JsonEncodedText TopicsUnsubscribe = JsonEncodedText.Encode("topics.unsubscribe");
    public static readonly JsonEncodedText SessionPing = JsonEncodedText.Encode("session.ping");
    public static readonly JsonEncodedText SessionClose = JsonEncodedText.Encode("session.close");

    /// <summary>The protocol version this SDK speaks.</summary>
    public const int ProtocolVersion = 1;

    /// <summary>The path of the native protocol endpoint on a gateway.</summary>
    public const string EndpointPath = "/topiary";
}
