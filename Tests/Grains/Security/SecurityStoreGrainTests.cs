using System.Text.Json;
using Topiary.Errors;
using Topiary.Security;
using Topiary.Serialization;
using Topiary.Tests.Grains.Runtime;
using static Topiary.Tests.Grains.Security.Scripts.ScriptParserTests;

namespace Topiary.Tests.Grains.Security;

[Trait("Category", TestCategories.Unit)]
public sealed class SecurityStoreGrainTests
{
    [Fact]
    public async Task SEC_70_the_first_start_creates_the_default_roles_once()
    {
        await using var silo = await SecuritySilo.StartAsync();
        await silo.Store.EnsureDefaultsAsync();
        await silo.Store.UpdateAsync("set roles for named sessions []", null, SecuritySilo.Author);
        await silo.Store.EnsureDefaultsAsync();

        var snapshot = await silo.Store.GetSnapshotAsync();
        Assert.Equal(2, snapshot.Version);
        Assert.Empty(snapshot.RolesForNamedSessions);
        Assert.Equal(["CLIENT"], snapshot.RolesForAnonymousSessions);
        Assert.Equal(["ADMINISTRATOR", "AUTHENTICATION_HANDLER", "CLIENT", "CLIENT_CONTROL", "OPERATOR", "TOPIC_CONTROL"],
            snapshot.Roles.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(10, snapshot.Roles["ADMINISTRATOR"].Global.Count);
        Assert.Equal(11, snapshot.Roles["ADMINISTRATOR"].DefaultPath.Count);
        Assert.Equal(["SELECT_TOPIC", "READ_TOPIC"], snapshot.Roles["CLIENT"].DefaultPath);
    }

    [Fact]
    public async Task SEC_32_a_script_sets_permissions_inclusions_and_isolation_and_is_published()
    {
        await using var silo = await SecuritySilo.StartAsync();
        await silo.Store.EnsureDefaultsAsync();

        await silo.Store.UpdateAsync("""
            set "TRADER" path permissions at "prices" [read_topic, select_topic]
            set "TRADER" path permissions at "prices/internal" []
            set "TRADER" includes ["CLIENT"]
            isolate path "admin"; isolate path "admin"
            """, ifVersion: 1, SecuritySilo.Author);

        var trader = (await silo.Store.GetSnapshotAsync()).Roles["TRADER"];
        Assert.Equal(["READ_TOPIC", "SELECT_TOPIC"], trader.Paths["prices"]);
        Assert.Empty(trader.Paths["prices/internal"]);
        Assert.Equal(["CLIENT"], trader.Includes);
        Assert.Equal(["admin"], (await silo.Store.GetSnapshotAsync()).IsolatedPaths);
        await Eventually.TrueAsync(() => !silo.Changes.IsEmpty, "the change is published");
        Assert.Equal((SecurityStoreKind.Security, 2L), (silo.Changes.Single().Store, silo.Changes.Single().Version));

        await silo.Store.UpdateAsync("remove \"TRADER\" path permissions at \"prices\"\ndeisolate path \"admin\"", null, SecuritySilo.Author);
        Assert.False((await silo.Store.GetSnapshotAsync()).Roles["TRADER"].Paths.ContainsKey("prices"));
        Assert.Empty((await silo.Store.GetSnapshotAsync()).IsolatedPaths);
    }

    [Theory]
    [InlineData("set \"A\" includes [\"A\"]", 1, 5, 0, new[] { "A", "A" })]
    [InlineData("set \"A\" includes [\"B\"]\nset \"B\" includes [\"C\"]\nset \"C\" includes [\"A\"]", 3, 5, 2, new[] { "C", "A", "B", "C" })]
    [InlineData("set \"A\" includes [\"B\", \"X\"]\nset \"B\" includes [\"Y\", \"A\"]", 2, 5, 1, new[] { "B", "A", "B" })]
    public async Task SEC_22_a_role_cycle_fails_the_whole_script_naming_the_cycle(string script, int line, int column, int index, string[] cycle)
    {
        await using var silo = await SecuritySilo.StartAsync();
        await silo.Store.EnsureDefaultsAsync();
        var before = JsonSerializer.Serialize(await silo.Store.GetSnapshotAsync(), GrainsJsonContext.Default.SecurityState);

        var error = await Assert.ThrowsAsync<TopiaryArgumentException>(() => silo.Store.UpdateAsync(script, null, SecuritySilo.Author));

        AssertScriptError(error, line, column, index, "ROLE_CYCLE", null);
        Assert.Equal(cycle, error.Error.Details!["roles"]!.AsArray().Select(role => (string)role!));
        Assert.Contains(string.Join(" includes ", cycle.Select(role => $"'{role}'")), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, JsonSerializer.Serialize(await silo.Store.GetSnapshotAsync(), GrainsJsonContext.Default.SecurityState));
    }

    [Fact]
    public async Task SEC_14_a_bad_line_in_the_middle_changes_nothing()
    {
        await using var silo = await SecuritySilo.StartAsync();
        await silo.Store.EnsureDefaultsAsync();

        var error = await Assert.ThrowsAsync<TopiaryArgumentException>(() =>
            silo.Store.UpdateAsync("set roles for named sessions []\nset \"R\" global permissions [FLY]", null, SecuritySilo.Author));

        AssertScriptError(error, 2, 29, 1, "UNKNOWN_PERMISSION", null);
        var snapshot = await silo.Store.GetSnapshotAsync();
        Assert.Equal(1L, snapshot.Version);
        Assert.Equal(["CLIENT"], snapshot.RolesForNamedSessions);
        Assert.Empty(silo.Changes);
    }
}
