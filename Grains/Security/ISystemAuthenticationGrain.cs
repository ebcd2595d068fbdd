using Topiary.Runtime;

namespace Topiary.Security;

/// <summary>
/// The system authentication store (one per deployment, key <see cref="SystemAuthenticationGrain.Key"/>).
/// This first version knows one principal, <c>admin</c>; the security release turns it into the
/// full store of spec/security.md.
/// </summary>
public interface ISystemAuthenticationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes sure the <c>admin</c> principal exists. With <paramref name="configuredPassword"/>,
    /// its hash is set from it. Without, a password is generated the first time only and
    /// returned so the host can show it once; otherwise returns null.
    /// </summary>
    Task<string?> EnsureAdministratorAsync(string? configuredPassword);

    /// <summary>Checks a principal's password; never says which part was wrong.</summary>
    Task<AuthenticationResult> AuthenticateAsync(string principal, string password);
}
