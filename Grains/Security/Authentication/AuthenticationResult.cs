namespace Topiary.Security;

/// <summary>
/// The system authentication store's answer to a handshake (SEC-6): its decision and, for
/// <see cref="AuthenticationDecision.Allow"/>, the roles it grants.
/// </summary>
public sealed record AuthenticationResult(AuthenticationDecision Decision, List<string> Roles)
{
    public static AuthenticationResult Denied { get; } = new(AuthenticationDecision.Deny, []);

    public static AuthenticationResult Abstained { get; } = new(AuthenticationDecision.Abstain, []);

    public bool Authenticated => Decision == AuthenticationDecision.Allow;
}
