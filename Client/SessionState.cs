namespace Topiary.Client;

/// <summary>
/// The life cycle of a <see cref="ITopiarySession"/> (spec/sessions.md). A session moves only
/// forward: <see cref="Connecting"/> → <see cref="Connected"/> → one of the closed states, which
/// are final. Protocol 1 has no reconnection, so a lost connection closes the session.
/// </summary>
public enum SessionState
{
    /// <summary>Connecting and authenticating; <see cref="TopiarySession.OpenAsync"/> has not returned yet.</summary>
    Connecting,

    /// <summary>Open: requests may be sent and subscriptions deliver values.</summary>
    Connected,

    /// <summary>Closed by <see cref="ITopiarySession.CloseAsync"/> or disposal.</summary>
    ClosedByClient,

    /// <summary>Closed by the server (shutdown, protocol error, slow consumer, …); see <see cref="SessionClosedEventArgs.Reason"/>.</summary>
    ClosedByServer,

    /// <summary>The connection was lost or broke the protocol.</summary>
    ClosedFailed,
}
