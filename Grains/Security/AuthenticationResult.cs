namespace Topiary.Security;

/// <summary>The outcome of checking credentials: the principal's roles when accepted.</summary>
public sealed record AuthenticationResult(bool Authenticated, List<string> Roles)
{
    public static AuthenticationResult Rejected { get; } = new(false, []);
}
