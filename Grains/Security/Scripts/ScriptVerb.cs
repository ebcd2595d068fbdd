namespace Topiary.Security.Scripts;

/// <summary>The commands of both store scripts (spec/security.md SEC-13 and SEC-32).</summary>
public enum ScriptVerb
{
    // System authentication store (SEC-13).
    AddPrincipal,
    RemovePrincipal,
    SetPassword,
    VerifyPassword,
    AssignRoles,
    LockPrincipal,
    UnlockPrincipal,
    AllowAnonymous,
    DenyAnonymous,
    AbstainAnonymous,
    TrustPropertyMatches,
    TrustPropertyIn,
    IgnoreProperty,

    // Security store (SEC-32).
    SetAnonymousSessionRoles,
    SetNamedSessionRoles,
    SetGlobalPermissions,
    SetDefaultPathPermissions,
    SetPathPermissions,
    RemovePathPermissions,
    SetIncludes,
    IsolatePath,
    DeisolatePath,
}
