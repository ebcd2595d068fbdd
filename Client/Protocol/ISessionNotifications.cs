namespace Topiary.Client.Protocol;

/// <summary>Session-level notifications (protocol §6) that the <see cref="MessageDispatcher"/> hands to the session.</summary>
internal interface ISessionNotifications
{
    /// <summary>An <c>error</c> notification (a problem with a message that had no readable id), or a notification the SDK could not fully use.</summary>
    void ReportError(Exception error);

    /// <summary>A <c>closing</c> notification: the server is about to close the connection.</summary>
    void OnClosing(string reason, string? message);
}
