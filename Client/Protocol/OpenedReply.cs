namespace Topiary.Client.Protocol;

/// <summary>The server's <c>opened</c> answer to the handshake (protocol §2).</summary>
internal sealed record OpenedReply(
    string SessionId,
    string Principal,
    string Gateway,
    string ServerVersion,
    int MaxMessageSize,
    long ReconnectionTimeoutMs);
