namespace Topiary.Security;

/// <summary>
/// The system authentication store as <c>security.getSystemAuthentication</c> returns it
/// (SEC-10): principals in name order without password hashes, the anonymous policy, trust rules.
/// </summary>
public sealed record AuthenticationSnapshot(
    long Version, List<PrincipalSnapshot> Principals, AnonymousPolicy Anonymous, Dictionary<string, TrustRule> TrustedProperties)
{
    public static AuthenticationSnapshot From(AuthenticationState state) => new(
        state.Version,
        [.. state.Principals.OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => new PrincipalSnapshot(entry.Key, [.. entry.Value.Roles], entry.Value.Locked))],
        state.Anonymous,
        new Dictionary<string, TrustRule>(state.TrustedProperties, StringComparer.Ordinal));
}
