using Topiary.Runtime;
using Topiary.Runtime.Messaging;
using Topiary.Security.Scripts;
using Topiary.Serialization;

namespace Topiary.Security;

/// <summary>The system authentication store (see <see cref="ISystemAuthenticationGrain"/>).</summary>
[GrainType("system-authentication")]
public sealed class SystemAuthenticationGrain(IMessageBus bus, TimeProvider time) : Grain<AuthenticationState>, ISystemAuthenticationGrain
{
    /// <summary>The key of the deployment's one store.</summary>
    public const string Key = "default";

    /// <summary>The principal created with the <c>TOPIC_CONTROL</c> and <c>CLIENT_CONTROL</c> roles when configured (SEC-70).</summary>
    public const string ControlPrincipal = "control";

    // Verified for unknown principals so that they cost what known ones do (SEC-5).
    private static readonly Lazy<string> s_dummyHash = new(() => PasswordHash.Create(PasswordHash.Generate()));

    public async Task<string?> EnsureDefaultsAsync(AuthenticationDefaults defaults)
    {
        if (State.Initialized)
        {
            return null;
        }
        var state = new AuthenticationState { Initialized = true, Version = 1 };
        if (State.PasswordHashes?.TryGetValue(BuiltInRoles.AdministratorPrincipal, out var legacy) == true)
        {
            // A store written by the first release: keep the admin password it holds.
            state.Principals[BuiltInRoles.AdministratorPrincipal] = new PrincipalRecord { PasswordHash = legacy, Roles = [BuiltInRoles.Administrator] };
        }
        string? generated = null;
        if (!state.Principals.ContainsKey(BuiltInRoles.AdministratorPrincipal))
        {
            var password = defaults.AdminPassword ?? (generated = PasswordHash.Generate());
            state.Principals[BuiltInRoles.AdministratorPrincipal] = new PrincipalRecord { PasswordHash = PasswordHash.Create(password), Roles = [BuiltInRoles.Administrator] };
        }
        if (defaults.ControlPassword is { } control)
        {
            state.Principals[ControlPrincipal] = new PrincipalRecord { PasswordHash = PasswordHash.Create(control), Roles = [BuiltInRoles.TopicControl, BuiltInRoles.ClientControl] };
        }
        state.Anonymous = new AnonymousPolicy { Action = defaults.AllowAnonymous ? AuthenticationDecision.Allow : AuthenticationDecision.Deny };
        State = state;
        await WriteStateAsync();
        return generated;
    }

    public Task<AuthenticationResult> AuthenticateAsync(string principal, string password)
    {
        if (principal.Length == 0)
        {
            var anonymous = State.Anonymous;
            return Task.FromResult(new AuthenticationResult(anonymous.Action, anonymous.Action == AuthenticationDecision.Allow ? [.. anonymous.Roles] : []));
        }
        if (!State.Principals.TryGetValue(principal, out var record))
        {
            PasswordHash.Verify(password, s_dummyHash.Value);
            return Task.FromResult(AuthenticationResult.Abstained);
        }
        // Verified even when locked, so a locked principal's answer takes the same time (SEC-5, SEC-18).
        var verified = PasswordHash.Verify(password, record.PasswordHash);
        return Task.FromResult(verified && !record.Locked ? new AuthenticationResult(AuthenticationDecision.Allow, [.. record.Roles]) : AuthenticationResult.Denied);
    }

    public Task<AuthenticationSnapshot> GetSnapshotAsync() => Task.FromResult(AuthenticationSnapshot.From(State));

    public Task<List<AuditEntry>> GetAuditAsync() => Task.FromResult<List<AuditEntry>>([.. State.Audit]);

    public async Task<long> UpdateAsync(string script, long? ifVersion, ScriptAuthor author)
    {
        StoreVersion.Check(ifVersion, State.Version, "system authentication");
        var commands = AuthenticationScriptParser.Parse(script);
        var working = StoreCommit.Copy(State, GrainsJsonContext.Default.AuthenticationState);
        var locked = AuthenticationScriptApplier.Apply(working, commands);
        working.Version = State.Version + 1;
        AuditLog.Append(working.Audit, SecurityStoreKind.SystemAuthentication, working.Version, author, time.GetUtcNow(), script, commands);
        State = working;
        await WriteStateAsync();
        var change = new SecurityChange(SecurityStoreKind.SystemAuthentication, working.Version, locked);
        await StoreCommit.PublishAsync(bus, change);
        return working.Version;
    }
}
