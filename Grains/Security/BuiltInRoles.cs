namespace Topiary.Security;

/// <summary>Roles Topiary assigns before the security store exists (the security release adds the rest).</summary>
public static class BuiltInRoles
{
    /// <summary>Every permission, on every path.</summary>
    public const string Administrator = "ADMINISTRATOR";

    /// <summary>The principal that <see cref="ISystemAuthenticationGrain.EnsureAdministratorAsync"/> manages.</summary>
    public const string AdministratorPrincipal = "admin";
}
