namespace Topiary.Client.Security;

/// <summary>The security store (spec/security.md SEC-30).</summary>
/// <param name="Version">Grows by one with every script applied.</param>
/// <param name="RolesForAnonymousSessions">Added to every anonymous session's roles.</param>
/// <param name="RolesForNamedSessions">Added to every named session's roles.</param>
/// <param name="Roles">In name order.</param>
/// <param name="IsolatedPaths">Paths that inherit nothing from above.</param>
public sealed record SecuritySnapshot(
    long Version,
    IReadOnlyList<string> RolesForAnonymousSessions,
    IReadOnlyList<string> RolesForNamedSessions,
    IReadOnlyList<RoleInfo> Roles,
    IReadOnlyList<string> IsolatedPaths);
