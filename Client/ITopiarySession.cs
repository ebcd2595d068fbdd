using Topiary.Client.Security;
using Topiary.Client.Topics;

namespace Topiary.Client;

/// <summary>
/// A session with a Topiary gateway over the native protocol (docs/protocol.md), opened by
/// <see cref="TopiarySession.OpenAsync"/>.
/// </summary>
/// <remarks>
/// <para>Thread-safe: any thread may send requests, add streams or close. Requests are executed
/// and answered in the order they are sent.</para>
/// <para>Events and stream callbacks run on the SDK's receive loop, one at a time; exceptions
/// thrown by a <see cref="Closed"/> handler or a stream callback are reported through
/// <see cref="ErrorOccurred"/> (exceptions of an <see cref="ErrorOccurred"/> handler are dropped).</para>
/// <para>Protocol 1 has no reconnection: when the connection is lost the session closes
/// (<see cref="SessionState.ClosedFailed"/>), requests in flight fail with OUTCOME_UNKNOWN and
/// later calls with SESSION_CLOSED. Disposing closes the session like <see cref="CloseAsync"/>.</para>
/// </remarks>
public interface ITopiarySession : IAsyncDisposable
{
    /// <summary>The session id assigned by the server, for example <c>3f2a9c0d11e4b7a8-90c1d2e3f4a5b6c7</c> (SES-15).</summary>
    string SessionId { get; }

    /// <summary>The principal the server authenticated; <c>""</c> for anonymous.</summary>
    string Principal { get; }

    /// <summary>The current state; closed states are final.</summary>
    SessionState State { get; }

    /// <summary>The name of the gateway the session is connected to.</summary>
    string Gateway { get; }

    /// <summary>The gateway's version, as reported at the handshake.</summary>
    string ServerVersion { get; }

    /// <summary>The largest request this session sends: the smaller of the option and the gateway's limit (SES-13).</summary>
    int MaxMessageSize { get; }

    /// <summary>Topic operations and value streams.</summary>
    ITopics Topics { get; }

    /// <summary>The security stores: reading them, and updating them with scripts (docs/security.md).</summary>
    ISecurity Security { get; }

    /// <summary>Raised once when the session closes, for any reason, after requests in flight have failed and streams have been closed.</summary>
    event EventHandler<SessionClosedEventArgs>? Closed;

    /// <summary>Raised for problems that belong to no call: <c>error</c> notifications of the server and exceptions of callbacks.</summary>
    event EventHandler<SessionErrorEventArgs>? ErrorOccurred;

    /// <summary>Measures the round trip to the gateway (SES-17); fails like any request (TIMEOUT, SESSION_CLOSED, …).</summary>
    Task<PingResult> PingAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes the session: sends <c>session.close</c>, waits for the gateway to close the
    /// connection (at most the request timeout, then drops it). Never fails because the
    /// connection is lost; idempotent. Cancelling drops the connection at once and throws
    /// <see cref="OperationCanceledException"/>; the session is closed either way.
    /// </summary>
    Task CloseAsync(CancellationToken cancellationToken = default);
}
