using Topiary.Errors;
using Topiary.Security;
using Topiary.Security.Scripts;

namespace Topiary.Tests.Docs;

/// <summary>docs/security.md's evaluation table and error message hold for the real parser and evaluator.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class SecurityDocsTests
{
    [Fact]
    public void SEC_43_the_documented_evaluation_examples_hold()
    {
        var state = SecurityDefaults.Create();
        foreach (var (_, script) in SecurityDocs.Blocks("script:security"))
        {
            SecurityScriptApplier.Apply(state, SecurityScriptParser.Parse(script));
        }
        var compiled = new CompiledSecurity(state);
        var rows = SecurityDocs.EvaluationRows();

        Assert.True(rows.Count >= 8);
        foreach (var row in rows)
        {
            var permissions = compiled.For(row[0].Split(',')).At(row[1]);
            Assert.True(row[2] == string.Join(',', PermissionNames.Names(permissions)), $"{row[0]} at {row[1]}: {permissions}");
        }
    }

    [Fact]
    public void SEC_22_the_documented_error_message_is_the_real_one()
    {
        var (_, script) = Assert.Single(SecurityDocs.Blocks("script-error:security"));
        var state = SecurityDefaults.Create();

        var error = Assert.Throws<TopiaryArgumentException>(() => SecurityScriptApplier.Apply(state, SecurityScriptParser.Parse(script)));

        Assert.Equal(SecurityDocs.Message(), error.Message);
    }
}
