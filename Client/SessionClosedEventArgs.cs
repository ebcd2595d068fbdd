namespace Topiary.Client;

/// <summary>Data of <see cref="ITopiarySession.Closed"/>: how and why the session closed.</summary>
public sealed class SessionClosedEventArgs(SessionState state, string reason, string? message) : EventArgs
{
    /// <summary>The final state: <see cref="SessionState.ClosedByClient"/>, <see cref="SessionState.ClosedByServer"/> or <see cref="SessionState.ClosedFailed"/>.</summary>
    public SessionState State { get; } = state;

    /// <summary>
    /// Upper-snake reason: <c>CLIENT_REQUESTED</c>; a server <c>closing</c> reason (protocol §6:
    /// <c>OUTBOUND_BUFFER_OVERFLOW</c>, <c>PROTOCOL_ERROR</c>, <c>SERVER_SHUTDOWN</c>, …);
    /// <c>SERVER_CLOSED</c> when the server closed without saying why; <c>CONNECTION_LOST</c>;
    /// <c>PROTOCOL_ERROR</c> or <c>MESSAGE_TOO_BIG</c> when the server's messages broke the protocol.
    /// </summary>
    public string Reason { get; } = reason;

    /// <summary>A human-readable explanation, when there is one.</summary>
    public string? Message { get; } = message;
}
