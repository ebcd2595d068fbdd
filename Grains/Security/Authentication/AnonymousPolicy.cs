namespace Topiary.Security;

/// <summary>The anonymous policy (SEC-6, SEC-10): the action and, for ALLOW, the roles granted.</summary>
public sealed record AnonymousPolicy
{
    public AuthenticationDecision Action { get; init; } = AuthenticationDecision.Allow;

    public List<string> Roles { get; init; } = [];
}
