using Topiary.Gateway.Sessions;
using Topiary.Gateway.Topics;

namespace Topiary.Gateway.Security;

/// <summary>
/// Re-evaluates live sessions after the security store changed (SEC-60): topics a session may
/// no longer receive are unsubscribed with reason <c>AUTHORIZATION</c>; topics its selections
/// select and that it may now receive are subscribed, with their current value.
/// </summary>
internal sealed partial class SessionReevaluator(
    SessionRegistry sessions,
    TopicReplica replica,
    GatewayAuthorizer authorizer,
    ILogger<SessionReevaluator> logger)
{
    public async Task ReevaluateAsync()
    {
        foreach (var session in sessions.All)
        {
            try
            {
                await ReevaluateAsync(session);
            }
            catch (Exception exception)
            {
                // One session's failure (a topic removed meanwhile, a grain unreachable) must not stop the others.
                LogFailed(logger, session.Id, exception);
            }
        }
    }

    private async Task ReevaluateAsync(ClientSession session)
    {
        foreach (var topic in session.SubscribedTopics())
        {
            if (!authorizer.MayReceive(session, topic.Path, topic.Specification))
            {
                topic.Unsubscribe(session, "AUTHORIZATION");
            }
        }
        foreach (var selector in session.SelectedSelectors())
        {
            foreach (var topic in replica.Select(selector))
            {
                if (session.IsSelected(topic.Path) && authorizer.MayReceive(session, topic.Path, topic.Specification))
                {
                    await topic.SubscribeAsync(session);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-evaluating session {SessionId} after a security change failed")]
    private static partial void LogFailed(ILogger logger, string sessionId, Exception exception);
}
