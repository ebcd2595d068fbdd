using System.Text.Json;
using Topiary.Errors;
using Topiary.Security;
using Topiary.Serialization;
using Topiary.Tests.Grains.Runtime;
using static Topiary.Tests.Grains.Security.Scripts.ScriptParserTests;

namespace Topiary.Tests.Grains.Security;

[Trait("Category", TestCategories.Unit)]
public sealed class SystemAuthenticationGrainTests
{
    private static readonly AuthenticationDefaults s_defaults = new("admin-password", null, AllowAnonymous: true);

    [Fact]
    public async Task SEC_70_defaults_are_created_once_with_the_configured_admin_password()
    {
        await using var silo = await SecuritySilo.StartAsync();
        Assert.Null(await silo.Authentication.EnsureDefaultsAsync(s_defaults));
        Assert.Null(await silo.Authentication.EnsureDefaultsAsync(s_defaults with { AdminPassword = "another-password" }));

        var admin = await silo.Authentication.AuthenticateAsync("admin", "admin-password");
        Assert.Equal(AuthenticationDecision.Allow, admin.Decision);
        Assert.Equal(["ADMINISTRATOR"], admin.Roles);
        Assert.Equal(AuthenticationDecision.Deny, (await silo.Authentication.AuthenticateAsync("admin", "another-password")).Decision);
        Assert.Equal(AuthenticationDecision.Abstain, (await silo.Authentication.AuthenticateAsync("control", "x")).Decision);
    }

    [Fact]
    public async Task SEC_70_without_a_password_one_is_generated_once_and_the_control_principal_and_anonymous_policy_follow_configuration()
    {
        await using var silo = await SecuritySilo.StartAsync();
        var generated = await silo.Authentication.EnsureDefaultsAsync(new AuthenticationDefaults(null, "control-password", AllowAnonymous: false));

        Assert.Equal(24, generated!.Length);
        Assert.Null(await silo.Authentication.EnsureDefaultsAsync(new AuthenticationDefaults(null, null, true)));
        Assert.True((await silo.Authentication.AuthenticateAsync("admin", generated)).Authenticated);
        Assert.Equal(["TOPIC_CONTROL", "CLIENT_CONTROL"], (await silo.Authentication.AuthenticateAsync("control", "control-password")).Roles);
        Assert.Equal(AuthenticationDecision.Deny, (await silo.Authentication.AuthenticateAsync("", "")).Decision);
    }

    [Fact]
    public async Task SEC_13_scripts_add_principals_change_passwords_roles_and_the_anonymous_policy()
    {
        await using var silo = await SecuritySilo.StartAsync();
        await silo.Authentication.EnsureDefaultsAsync(s_defaults);

        var version = await silo.Authentication.UpdateAsync("""
            add principal "ann" "ann-password-1" ["TRADER"]
            set password "ann" "ann-password-2"; assign roles "ann" ["TRADER", "AUDIT"]
            allow anonymous connections ["GUEST"]
            trust client proposed property "Region" matches "[A-Z]{2}"
            trust client proposed property "Dept" in ["A", "B"]
            """, ifVersion: 1, SecuritySilo.Author);

        Assert.Equal(2, version);
        Assert.Equal(AuthenticationDecision.Deny, (await silo.Authentication.AuthenticateAsync("ann", "ann-password-1")).Decision);
        Assert.Equal(["TRADER", "AUDIT"], (await silo.Authentication.AuthenticateAsync("ann", "ann-password-2")).Roles);
        Assert.Equal(["GUEST"], (await silo.Authentication.AuthenticateAsync("", "")).Roles);
        var snapshot = await silo.Authentication.GetSnapshotAsync();
        Assert.Equal(["admin", "ann"], snapshot.Principals.Select(principal => principal.Name));
        Assert.Equal(("REGEX", "VALUES"), (snapshot.TrustedProperties["Region"].Type, snapshot.TrustedProperties["Dept"].Type));
        var json = JsonSerializer.Serialize(snapshot, GrainsJsonContext.Default.AuthenticationSnapshot);
        Assert.DoesNotContain("pbkdf2", json, StringComparison.Ordinal);
        Assert.DoesNotContain("ann-password", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add principal \"bob\" \"bob-password\" []\nadd principal \"admin\" \"x-password\" []", 2, 15, 1, "PRINCIPAL_EXISTS")]
    [InlineData("add principal \"bob\" \"bob-password\" []\nremove principal \"nobody\"", 2, 18, 1, "NO_SUCH_PRINCIPAL")]
    [InlineData("deny anonymous connections\nverify password \"admin\" \"wrong-password\"", 2, 25, 1, "PASSWORD_MISMATCH")]
    [InlineData("add principal \"bob\" \"bob-password\" []\nremove principal \"bob\"\nlock principal \"bob\"", 3, 16, 2, "NO_SUCH_PRINCIPAL")]
    public async Task SEC_14_a_failing_command_leaves_the_store_exactly_as_it_was(string script, int line, int column, int index, string reason)
    {
        await using var silo = await SecuritySilo.StartAsync();
        await silo.Authentication.EnsureDefaultsAsync(s_defaults);
        var before = JsonSerializer.Serialize(await silo.Authentication.GetSnapshotAsync(), GrainsJsonContext.Default.AuthenticationSnapshot);

        var error = await Assert.ThrowsAsync<TopiaryArgumentException>(() => silo.Authentication.UpdateAsync(script, null, SecuritySilo.Author));

        AssertScriptError(error, line, column, index, reason, null);
        Assert.Equal(before, JsonSerializer.Serialize(await silo.Authentication.GetSnapshotAsync(), GrainsJsonContext.Default.AuthenticationSnapshot));
        Assert.Equal(AuthenticationDecision.Abstain, (await silo.Authentication.AuthenticateAsync("bob", "bob-password")).Decision);
        Assert.Empty(silo.Changes);
    }

    [Fact]
    public async Task SEC_18_a_locked_principal_is_denied_even_with_its_password_and_the_lock_is_published()
    {
        await using var silo = await SecuritySilo.StartAsync();
        await silo.Authentication.EnsureDefaultsAsync(s_defaults);
        await silo.Authentication.UpdateAsync("add principal \"ann\" \"ann-password\" []", null, SecuritySilo.Author);

        await silo.Authentication.UpdateAsync("lock principal \"ann\"; lock principal \"ann\"", null, SecuritySilo.Author);
        Assert.Equal(AuthenticationDecision.Deny, (await silo.Authentication.AuthenticateAsync("ann", "ann-password")).Decision);
        Assert.True((await silo.Authentication.GetSnapshotAsync()).Principals.Single(principal => principal.Name == "ann").Locked);
        await silo.Authentication.UpdateAsync("unlock principal \"ann\"", null, SecuritySilo.Author);

        Assert.True((await silo.Authentication.AuthenticateAsync("ann", "ann-password")).Authenticated);
        await Eventually.TrueAsync(() => silo.Changes.Count == 3, "three changes are published");
        Assert.Equal([[], ["ann"], []], silo.Changes.Select(change => change.LockedPrincipals));
        Assert.Equal([2L, 3L, 4L], silo.Changes.Select(change => change.Version));
    }

    [Fact]
    public async Task SEC_82_each_committed_script_is_audited_with_author_time_version_and_no_password()
    {
        await using var silo = await SecuritySilo.StartAsync();
        await silo.Authentication.EnsureDefaultsAsync(s_defaults);
        await silo.Authentication.UpdateAsync("add principal \"ann\" \"ann-password\" []", null, SecuritySilo.Author);
        await Assert.ThrowsAsync<TopiaryArgumentException>(() => silo.Authentication.UpdateAsync("remove principal \"nobody\"", null, SecuritySilo.Author));
        silo.Silo.Time.Advance(TimeSpan.FromMinutes(1));
        await silo.Authentication.UpdateAsync("set password \"ann\" \"ann-password-2\"", null, SecuritySilo.Author with { Principal = "ann" });

        var audit = await silo.Authentication.GetAuditAsync();

        Assert.Equal([2L, 3L], audit.Select(entry => entry.Version));
        Assert.Equal(["add principal \"ann\" \"***\" []", "set password \"ann\" \"***\""], audit.Select(entry => entry.Script));
        Assert.Equal(["tester", "ann"], audit.Select(entry => entry.Principal));
        Assert.Equal(TimeSpan.FromMinutes(1), audit[1].Time - audit[0].Time);
        Assert.Equal(SecuritySilo.Author.SessionId, audit[0].SessionId);
    }

    [Fact]
    public async Task SEC_81_a_stale_expected_version_conflicts_and_changes_nothing()
    {
        await using var silo = await SecuritySilo.StartAsync();
        await silo.Authentication.EnsureDefaultsAsync(s_defaults);

        var conflict = await Assert.ThrowsAsync<TopiaryStateException>(() => silo.Authentication.UpdateAsync("deny anonymous connections", ifVersion: 7, SecuritySilo.Author));

        Assert.Equal(ErrorCode.Conflict, conflict.Code);
        Assert.Equal(1, (await silo.Authentication.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task SEC_80_the_store_survives_a_restart_of_its_silo()
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "security.db");
        await using (var silo = await SecuritySilo.StartAsync(database))
        {
            await silo.Authentication.EnsureDefaultsAsync(s_defaults);
            await silo.Authentication.UpdateAsync("add principal \"ann\" \"ann-password\" [\"R\"]", null, SecuritySilo.Author);
        }
        await using var restarted = await SecuritySilo.StartAsync(database);

        Assert.Null(await restarted.Authentication.EnsureDefaultsAsync(s_defaults with { AdminPassword = "changed-password" }));
        Assert.Equal(["R"], (await restarted.Authentication.AuthenticateAsync("ann", "ann-password")).Roles);
        Assert.True((await restarted.Authentication.AuthenticateAsync("admin", "admin-password")).Authenticated);
        Assert.Equal(2, (await restarted.Authentication.GetSnapshotAsync()).Version);
    }

    [Fact]
    public void SEC_3_hashes_are_salted_pbkdf2_with_at_least_100000_iterations()
    {
        var first = PasswordHash.Create("same-password");
        var second = PasswordHash.Create("same-password");

        Assert.NotEqual(first, second);
        Assert.StartsWith("pbkdf2-sha256$100000$", first, StringComparison.Ordinal);
        Assert.DoesNotContain("same-password", first, StringComparison.Ordinal);
        Assert.True(PasswordHash.Verify("same-password", second));
        Assert.False(PasswordHash.Verify("same-passwore", second));
        Assert.False(PasswordHash.Verify("same-password", "pbkdf2-sha256$x$y$z"));
    }
}
