using Topiary.Runtime;

namespace Topiary.Security;

/// <summary>The system authentication store (see <see cref="ISystemAuthenticationGrain"/>).</summary>
[GrainType("system-authentication")]
public sealed class SystemAuthenticationGrain : Grain<AuthenticationState>, ISystemAuthenticationGrain
{
    /// <summary>The key of the deployment's one store.</summary>
    public const string Key = "default";

    public async Task<string?> EnsureAdministratorAsync(string? configuredPassword)
    {
        var admin = BuiltInRoles.AdministratorPrincipal;
        if (configuredPassword is not null)
        {
            if (State.PasswordHashes.TryGetValue(admin, out var hash) && PasswordHash.Verify(configuredPassword, hash))
            {
                return null;
            }
            State.PasswordHashes[admin] = PasswordHash.Create(configuredPassword);
            await WriteStateAsync();
            return null;
        }
        if (State.PasswordHashes.ContainsKey(admin))
        {
            return null;
        }
        var generated = PasswordHash.Generate();
        State.PasswordHashes[admin] = PasswordHash.Create(generated);
        await WriteStateAsync();
        return generated;
    }

    public Task<AuthenticationResult> AuthenticateAsync(string principal, string password)
    {
        if (State.PasswordHashes.TryGetValue(principal, out var hash) && PasswordHash.Verify(password, hash))
        {
            List<string> roles = principal == BuiltInRoles.AdministratorPrincipal ? [BuiltInRoles.Administrator] : [];
            return Task.FromResult(new AuthenticationResult(true, roles));
        }
        return Task.FromResult(AuthenticationResult.Rejected);
    }
}
