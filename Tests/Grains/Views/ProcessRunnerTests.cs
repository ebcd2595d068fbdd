using System.Text.Json.Nodes;
using Topiary.Views;

namespace Topiary.Tests.Grains.Views;

/// <summary>process clauses (VIEW-36..VIEW-38) on single values.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ProcessRunnerTests
{
    [Theory]
    [InlineData("""{"a":1}""", "set(/b, 2)", """{"a":1,"b":2}""")]
    [InlineData("""{"a":1,"b":2}""", "set(/a, 'x')", """{"a":"x","b":2}""")]
    [InlineData("""[1,2]""", "set(/0, 9)", """[9,2]""")]
    [InlineData("""[1,2]""", "set(/2, 3)", """[1,2,3]""")]
    [InlineData("""[1,2]""", "set(/-, 3)", """[1,2,3]""")]
    [InlineData("""{"a":{}}""", "set(/a/b, true); set(/a/c, false)", """{"a":{"b":true,"c":false}}""")]
    // Calculations read the entered value, where /a does not exist yet.
    [InlineData("""{}""", "set(/a, 1); set(/b, calc \"/a + 1\")", null)]
    [InlineData("""{}""", "set(/a, 1)", """{"a":1}""")]
    [InlineData("""{"a":1}""", "remove(/a); remove(/zz); remove(/x/y)", """{}""")]
    [InlineData("""{"a":[1,2,3]}""", "remove(/a/1)", """{"a":[1,3]}""")]
    [InlineData("""{"a":1}""", "continue", """{"a":1}""")]
    [InlineData("""{"a":1}""", "set(/x/y, 1)", null)]
    [InlineData("""[1]""", "set(/5, 1)", null)]
    [InlineData("""5""", "set(/a, 1)", null)]
    [InlineData("""5""", "continue", """5""")]
    public void VIEW_36_operations(string value, string operations, string? expected) =>
        Assert.Equal(expected, Run(value, operations));

    [Fact]
    public void VIEW_36_values_are_computed_from_the_value_as_it_entered()
    {
        // /n is 1 when the clause starts, so /m is 2 although /n was set to 10 first.
        Assert.Equal("""{"n":10,"m":2}""", Run("""{"n":1}""", "set(/n, 10); set(/m, calc \"/n + 1\")"));
    }

    [Theory]
    [InlineData("/a + /b * 2", 7)]
    [InlineData("(/a + /b) * 2", 8)]
    [InlineData("/a - /b - 1", -3)]
    [InlineData("-/a", -1)]
    [InlineData("7 / 2", 3)]
    [InlineData("-7 / 2", -3)]
    [InlineData("/c / 2", 4)]
    [InlineData("9223372036854775807 + 0", long.MaxValue)]
    public void VIEW_38_calculations(string calculation, long expected) =>
        Assert.Equal($$"""{"a":1,"b":3,"c":9,"r":{{expected}}}""", Run("""{"a":1,"b":3,"c":9}""", $"set(/r, calc \"{calculation}\")"));

    [Theory]
    [InlineData("/a / 0")]
    [InlineData("9223372036854775807 + 1")]
    [InlineData("-9223372036854775807 - 2")]
    [InlineData("4611686018427387904 * 2")]
    [InlineData("/missing + 1")]
    [InlineData("/f + 1")]
    [InlineData("/s + 1")]
    public void VIEW_38_failed_calculation_fails_the_clause(string calculation) =>
        Assert.Null(Run("""{"a":1,"f":1.5,"s":"2"}""", $"set(/r, calc \"{calculation}\")"));

    [Theory]
    [InlineData("/a = 1", true)]
    [InlineData("/a = /g", true)]
    [InlineData("/g = 1", true)]
    [InlineData("/g lt 2", false)]
    [InlineData("/a eq \"1\"", false)]
    [InlineData("/o = /p", true)]
    [InlineData("/missing != 1", false)]
    [InlineData("/a != /missing", false)]
    [InlineData("/a ne 2", true)]
    [InlineData("/a lt 2 and /a gt 0", true)]
    [InlineData("/f lt 2", false)]
    [InlineData("/s gt 0", false)]
    [InlineData("/a ge 1 & /a le 1", true)]
    [InlineData("/a = 2 or /t = true", true)]
    [InlineData("/a = 2 | not (/t = true)", false)]
    [InlineData("/a = 1 or /a = 2 and /a = 3", true)]
    [InlineData("/n = /n", true)]
    public void VIEW_37_conditions(string condition, bool expected)
    {
        var value = """{"a":1,"f":1.5,"s":"2","t":true,"n":null,"o":{"x":1,"y":[1,2]},"p":{"y":[1,2],"x":1},"g":1.0}""";
        var result = Run(value, $"if '{condition}' continue");
        Assert.Equal(expected, result is not null);
    }

    [Fact]
    public void VIEW_36_first_true_branch_applies_else_when_none()
    {
        const string Statement = "if '/a = 1' set(/r, 'one') elsf '/a gt 0' set(/r, 'positive') else set(/r, 'other')";
        Assert.Equal("""{"a":1,"r":"one"}""", Run("""{"a":1}""", Statement));
        Assert.Equal("""{"a":5,"r":"positive"}""", Run("""{"a":5}""", Statement));
        Assert.Equal("""{"a":-1,"r":"other"}""", Run("""{"a":-1}""", Statement));
    }

    private static string? Run(string value, string statement)
    {
        var view = ViewSpecification.Parse($"map a to b process {{{statement}}}");
        var process = (ProcessTransformation)view.Transformations[0];
        return ProcessRunner.TryApply(process.Statement, JsonNode.Parse(value), out var result) ? result?.ToJsonString() ?? "null" : null;
    }
}
