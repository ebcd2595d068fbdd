namespace Topiary.Security;

/// <summary>An authentication handler's answer (SEC-5).</summary>
public enum AuthenticationDecision
{
    Allow,
    Deny,
    Abstain,
}
