namespace Topiary.Security;

/// <summary>
/// The message-bus channel on which both stores announce each committed script
/// (<see cref="SecurityChange"/>), so every gateway re-evaluates its sessions (SEC-60). In a
/// cluster the bus is Redis pub/sub, so one publish reaches every member.
/// </summary>
public static class SecurityChannel
{
    public const string Name = "topiary:security";
}
