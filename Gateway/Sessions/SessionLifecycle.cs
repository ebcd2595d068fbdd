using Microsoft.Extensions.Logging;
using Topiary.Errors;
using Topiary.Gateway.Topics;
using Topiary.Gateway.Transport;
using Topiary.Runtime;
using Topiary.Security;

namespace Topiary.Gateway.Sessions;

/// <summary>
/// Opening and releasing a session, whatever transport carries it (the native protocol at
/// <c>/topiary</c>, the SignalR hub at <c>/topiary/hub</c>): authentication, the registry, and
/// on release the session's selections and subscriptions.
/// </summary>
internal sealed partial class SessionLifecycle(
    IGrainFactory grains,
    SessionRegistry registry,
    SelectionIndex selections,
    ILogger<SessionLifecycle> logger)
{
    /// <summary>
    /// Authenticates <paramref name="open"/> and registers a new session writing to
    /// <paramref name="outbound"/>. Throws AUTHENTICATION_FAILED (never saying which part was wrong).
    /// </summary>
    /// <param name="open">The client's validated <c>open</c> message.</param>
    /// <param name="outbound">Where the session's messages go; the transport drains it.</param>
    /// <param name="close">Ends the connection after telling the client why; see <see cref="ClientSession"/>.</param>
    public async Task<ClientSession> OpenAsync(OpenRequest open, OutboundQueue outbound, Action<string, string> close)
    {
        var roles = await AuthenticateAsync(open);
        var session = new ClientSession(open.Principal, roles, outbound, close);
        registry.Add(session);
        LogOpened(logger, session.Id, session.Principal == "" ? "(anonymous)" : session.Principal);
        return session;
    }

    /// <summary>Forgets the session: out of the registry, its selections and subscriptions dropped silently.</summary>
    public void Release(ClientSession session)
    {
        registry.Remove(session);
        foreach (var selector in session.SelectedSelectors())
        {
            selections.Remove(selector, session);
        }
        foreach (var topic in session.Release())
        {
            topic.Unsubscribe(session, reason: null);
        }
        LogClosed(logger, session.Id);
    }

    private async Task<IReadOnlyList<string>> AuthenticateAsync(OpenRequest open)
    {
        if (open.Principal.Length == 0)
        {
            return [];
        }
        var result = await grains.GetGrain<ISystemAuthenticationGrain>(SystemAuthenticationGrain.Key)
            .AuthenticateAsync(open.Principal, open.Password ?? "");
        if (!result.Authenticated)
        {
            throw TopiaryException.Create(ErrorCode.AuthenticationFailed, "the principal or the password is not valid");
        }
        return result.Roles;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} opened for {Principal}")]
    private static partial void LogOpened(ILogger logger, string sessionId, string principal);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} closed")]
    private static partial void LogClosed(ILogger logger, string sessionId);
}
