using Topiary.Security.Scripts;

namespace Topiary.Tests.Grains.Security.Scripts;

[Trait("Category", TestCategories.Unit)]
public sealed class ScriptRedactionTests
{
    [Theory]
    [InlineData("add principal \"ann\" \"pw-secret-1\" [\"R\"]", "add principal \"ann\" \"***\" [\"R\"]")]
    [InlineData("set password 'ann' 'it\\'s-secret'; verify password \"bob\" \"a \\\"b\\\" c d\"",
        "set password 'ann' \"***\"; verify password \"bob\" \"***\"")]
    [InlineData("# set password \"x\" \"not-parsed\"\nlock principal \"ann\"", "# set password \"x\" \"not-parsed\"\nlock principal \"ann\"")]
    [InlineData("assign roles \"ann\" [\"pw-like-role\"]", "assign roles \"ann\" [\"pw-like-role\"]")]
    public void SEC_82_passwords_are_replaced_and_everything_else_is_kept(string script, string expected)
    {
        Assert.Equal(expected, ScriptRedaction.Redact(script, AuthenticationScriptParser.Parse(script)));
    }
}
