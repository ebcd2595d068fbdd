using System.Text.Json.Nodes;
using Topiary.Views;

namespace Topiary.Tests.Grains.Views;

/// <summary>Template directives (VIEW-31..VIEW-34) on single values.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class TemplateExpanderTests
{
    [Theory]
    [InlineData("<path(0)>", "a/b/c/d")]
    [InlineData("<path(1, 2)>", "b/c")]
    [InlineData("<path(2)>", "c/d")]
    [InlineData("<path(3, 9)>", "d")]
    [InlineData("x/<path(4)>", "x")]
    [InlineData("x/<path(4)>y", "x/y")]
    [InlineData("<path(0, 1)>-<path(3)>", "a-d")]
    public void VIEW_31_source_path_segments(string template, string expected) =>
        Assert.Equal([expected], Paths(template, "a/b/c/d", "{}"));

    [Theory]
    [InlineData("""{"v":"text"}""", "text")]
    [InlineData("""{"v":12}""", "12")]
    [InlineData("""{"v":-9223372036854775808}""", "-9223372036854775808")]
    [InlineData("""{"v":12.57}""", "12.57")]
    [InlineData("""{"v":2.50}""", "2.5")]
    [InlineData("""{"v":1e21}""", "1E+21")]
    [InlineData("""{"v":1.0}""", "1")]
    [InlineData("""{"v":true}""", "true")]
    [InlineData("""{"v":null}""", "null")]
    [InlineData("""{"v":"ü x"}""", "ü x")]
    public void VIEW_32_scalar_text(string json, string expected) =>
        Assert.Equal(["s/" + expected], Paths("s/<scalar(/v)>", "a", json));

    [Theory]
    [InlineData("""{"v":{}}""")]
    [InlineData("""{"v":[]}""")]
    public void VIEW_33_empty_containers_expand_to_nothing(string json)
    {
        var (candidates, skips) = Expand("e/<expand(/v)>", "a", json);
        Assert.Empty(candidates);
        Assert.Empty(skips);
    }

    [Fact]
    public void VIEW_33_missing_element_is_counted_as_pointer_missing()
    {
        var (candidates, skips) = Expand("e/<expand(/v)>", "a", "{}");
        Assert.Empty(candidates);
        Assert.Equal([SkipReason.PointerMissing], skips);
    }

    [Fact]
    public void VIEW_33_nested_expands_carry_the_inner_element_as_current_value()
    {
        var (candidates, _) = Expand("<expand()>/<expand(, /n)>", "a", """{"x":[{"n":"p","v":1},{"v":2}],"y":3}""");
        Assert.Equal(["x/p {\"n\":\"p\",\"v\":1}", "x/1 {\"v\":2}", "y 3"], candidates.Select(c => $"{c.Path} {c.Value!.ToJsonString()}"));
    }

    [Fact]
    public void VIEW_33_a_name_pointer_to_a_non_scalar_falls_back_to_the_member_name() =>
        Assert.Equal(["k/m"], Paths("k/<expand(, /n)>", "a", """{"m":{"n":{"deep":1}}}"""));

    private static List<string> Paths(string template, string source, string json) =>
        Expand(template, source, json).Candidates.Select(c => c.Path).ToList();

    private static (List<TemplateCandidate> Candidates, List<string> Skips) Expand(string template, string source, string json)
    {
        var view = ViewSpecification.Parse($"map a to {template}");
        return new TemplateExpander(view.Target, source, separator: null).Expand(JsonNode.Parse(json));
    }
}
