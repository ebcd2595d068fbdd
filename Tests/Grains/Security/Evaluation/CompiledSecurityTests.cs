using Topiary.Security;
using Topiary.Security.Scripts;

namespace Topiary.Tests.Grains.Security.Evaluation;

[Trait("Category", TestCategories.Unit)]
public sealed class CompiledSecurityTests
{
    // One store for the whole table: A reads x, B updates x/y, C includes A, D includes C,
    // E withholds at x/hidden, "iso" is isolated, F has an assignment inside it.
    private const string Store = """
        set "A" path permissions at "x" [READ_TOPIC SELECT_TOPIC]
        set "A" default path permissions [SELECT_TOPIC]
        set "B" path permissions at "x/y" [UPDATE_TOPIC]
        set "B" global permissions [VIEW_SESSION]
        set "C" includes ["A"]
        set "D" includes ["C"]
        set "D" global permissions [VIEW_SERVER]
        set "E" path permissions at "x/hidden" []
        set "E" default path permissions [READ_TOPIC]
        isolate path "iso"
        set "F" path permissions at "iso/open" [READ_TOPIC]
        set "F" default path permissions [SELECT_TOPIC READ_TOPIC]
        """;

    [Theory]
    [InlineData("A", "x", "SELECT_TOPIC,READ_TOPIC")]
    [InlineData("A", "x/y/z", "SELECT_TOPIC,READ_TOPIC")]
    [InlineData("A", "elsewhere", "SELECT_TOPIC")]
    [InlineData("A", "xx", "SELECT_TOPIC")]
    [InlineData("B", "x/y", "UPDATE_TOPIC")]
    [InlineData("B", "x", "")]
    [InlineData("A,B", "x/y/z", "UPDATE_TOPIC")] // SEC-43: the most specific path for any role wins
    [InlineData("A,B", "x/q", "SELECT_TOPIC,READ_TOPIC")]
    [InlineData("C", "x/a", "SELECT_TOPIC,READ_TOPIC")] // SEC-21: through inclusion
    [InlineData("D", "x", "SELECT_TOPIC,READ_TOPIC")] // transitively
    [InlineData("E", "x/hidden/deep", "")] // an empty assignment withholds
    [InlineData("E", "x", "READ_TOPIC")]
    [InlineData("A,E", "x/hidden", "")]
    [InlineData("F", "iso", "")] // SEC-44: isolated, no default
    [InlineData("F", "iso/other/t", "")]
    [InlineData("F", "iso/open/t", "READ_TOPIC")]
    [InlineData("F", "isolated", "SELECT_TOPIC,READ_TOPIC")]
    [InlineData("UNKNOWN", "x", "")]
    [InlineData("", "x", "")]
    public void SEC_43_path_permissions_follow_the_most_specific_assignment(string roles, string path, string expected)
    {
        var permissions = Compile().For(Roles(roles));

        Assert.Equal(expected, string.Join(',', PermissionNames.Names(permissions.At(path))));
    }

    [Theory]
    [InlineData("A", "")]
    [InlineData("B", "VIEW_SESSION")]
    [InlineData("D", "VIEW_SERVER")]
    [InlineData("B,D", "VIEW_SESSION,VIEW_SERVER")]
    public void SEC_42_global_permissions_are_the_union_over_effective_roles(string roles, string expected)
    {
        Assert.Equal(expected, string.Join(',', PermissionNames.Names(Compile().For(Roles(roles)).Global)));
    }

    [Theory]
    [InlineData("B", "x/y", "UPDATE_TOPIC,READ_TOPIC,MODIFY_TOPIC")]
    [InlineData("F", "iso/t", "READ_TOPIC,UPDATE_TOPIC,MODIFY_TOPIC")]
    [InlineData("", "anywhere", "READ_TOPIC,UPDATE_TOPIC,MODIFY_TOPIC")]
    public void SEC_43_the_owner_of_a_topic_also_reads_updates_and_modifies_it(string roles, string path, string expected)
    {
        var permissions = Compile().For(Roles(roles));

        Assert.Equal(
            expected.Split(',').Order(StringComparer.Ordinal),
            PermissionNames.Names(permissions.At(path, owned: true)).Order(StringComparer.Ordinal));
        Assert.False(permissions.Has(PathPermissions.ModifyTopic, path));
        Assert.True(permissions.Has(PathPermissions.ModifyTopic, path, owned: true));
    }

    [Fact]
    public void SEC_21_effective_roles_include_transitively_and_the_result_is_cached_per_role_set()
    {
        var compiled = Compile();
        var first = compiled.For(["D"]);

        Assert.Equal(["A", "C", "D"], first.EffectiveRoles.Order(StringComparer.Ordinal));
        Assert.Same(first, compiled.For(["D", "D"]));
        Assert.NotSame(first, compiled.For(["C"]));
    }

    [Fact]
    public void SEC_70_defaults_give_the_administrator_everything_and_clients_select_and_read()
    {
        var compiled = new CompiledSecurity(SecurityDefaults.Create());

        Assert.Equal(GlobalPermissions.All, compiled.For([BuiltInRoles.Administrator]).Global);
        Assert.Equal(PathPermissions.All, compiled.For([BuiltInRoles.Administrator]).At("any/path"));
        Assert.Equal(PathPermissions.SelectTopic | PathPermissions.ReadTopic, compiled.For([BuiltInRoles.Client]).At("a"));
        Assert.Equal(GlobalPermissions.None, compiled.For([BuiltInRoles.Client]).Global);
        Assert.True(compiled.For([BuiltInRoles.Operator]).Has(GlobalPermissions.ViewSecurity));
        Assert.False(compiled.For([BuiltInRoles.Operator]).Has(GlobalPermissions.ModifySecurity));
        Assert.Equal([BuiltInRoles.Client], compiled.RolesForNamedSessions);
    }

    private static CompiledSecurity Compile()
    {
        var state = new SecurityState();
        SecurityScriptApplier.Apply(state, SecurityScriptParser.Parse(Store));
        return new CompiledSecurity(state);
    }

    private static string[] Roles(string roles) => roles.Length == 0 ? [] : roles.Split(',');
}
