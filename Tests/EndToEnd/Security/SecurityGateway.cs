using Topiary.Client;
using Topiary.Client.Security;

namespace Topiary.Tests.EndToEnd.Security;

/// <summary>Principals and rules set up through a real admin session, for the security end-to-end tests.</summary>
internal static class SecurityGateway
{
    /// <summary>The password every principal these tests add is given.</summary>
    public const string Password = "user-password-1";

    /// <summary>Adds <paramref name="principal"/> with <paramref name="roles"/> (no CLIENT role unless listed).</summary>
    public static Task AddPrincipalAsync(ITopiarySession admin, string principal, params string[] roles) =>
        admin.Security.UpdateAuthenticationStoreAsync(
            $"add principal {SecurityScript.Quote(principal)} {SecurityScript.Quote(Password)} [{string.Join(", ", roles.Select(SecurityScript.Quote))}]");

    /// <summary>Named sessions get no roles beyond their principal's, so each test grants exactly what it means to.</summary>
    public static Task NoDefaultRolesAsync(ITopiarySession admin) =>
        admin.Security.UpdateSecurityStoreAsync("set roles for named sessions []\nset roles for anonymous sessions []");

    public static Task<ITopiarySession> OpenAsync(GatewayHost gateway, string principal, string password = Password) =>
        TopiarySession.OpenAsync(new TopiarySessionOptions { Url = gateway.Url, Principal = principal, Password = password });
}
