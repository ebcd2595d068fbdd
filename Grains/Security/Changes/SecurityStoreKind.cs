namespace Topiary.Security;

/// <summary>The two stores of spec/security.md.</summary>
public enum SecurityStoreKind
{
    SystemAuthentication,
    Security,
}
