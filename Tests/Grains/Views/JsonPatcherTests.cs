using System.Text.Json.Nodes;
using Topiary.Views;

namespace Topiary.Tests.Grains.Views;

/// <summary>patch clauses (VIEW-39): RFC 6902 operations applied atomically.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class JsonPatcherTests
{
    [Theory]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/b","value":[1]}]""", """{"a":1,"b":[1]}""")]
    [InlineData("""[1,3]""", """[{"op":"add","path":"/1","value":2}]""", """[1,2,3]""")]
    [InlineData("""[1]""", """[{"op":"add","path":"/-","value":2}]""", """[1,2]""")]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"","value":{"z":0}}]""", """{"z":0}""")]
    [InlineData("""{"a":1,"b":2}""", """[{"op":"remove","path":"/a"}]""", """{"b":2}""")]
    [InlineData("""{"a":1,"b":2}""", """[{"op":"replace","path":"/a","value":9}]""", """{"a":9,"b":2}""")]
    [InlineData("""[1,2,3]""", """[{"op":"replace","path":"/1","value":9}]""", """[1,9,3]""")]
    [InlineData("""{"a":{"x":1},"b":{}}""", """[{"op":"move","from":"/a/x","path":"/b/y"}]""", """{"a":{},"b":{"y":1}}""")]
    [InlineData("""{"a":[1]}""", """[{"op":"copy","from":"/a","path":"/b"}]""", """{"a":[1],"b":[1]}""")]
    [InlineData("""{"a":{"x":1,"y":2}}""", """[{"op":"test","path":"/a","value":{"y":2,"x":1}}]""", """{"a":{"x":1,"y":2}}""")]
    [InlineData("""{"a":1}""", """[]""", """{"a":1}""")]
    public void VIEW_39_operations(string value, string patch, string expected) => Assert.Equal(expected, Run(value, patch));

    [Theory]
    [InlineData("""{"a":1}""", """[{"op":"remove","path":"/b"}]""")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"/b","value":1}]""")]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/x/y","value":1}]""")]
    [InlineData("""[1]""", """[{"op":"add","path":"/3","value":1}]""")]
    [InlineData("""{"a":1}""", """[{"op":"test","path":"/a","value":2}]""")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":"/a/b/c"}]""")]
    [InlineData("""{"a":1}""", """[{"op":"copy","from":"/zz","path":"/b"}]""")]
    [InlineData("""5""", """[]""")]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/b","value":2},{"op":"remove","path":"/zz"}]""")]
    public void VIEW_39_any_failure_fails_the_whole_patch(string value, string patch) => Assert.Null(Run(value, patch));

    [Fact]
    public void VIEW_39_a_failed_patch_leaves_the_input_untouched()
    {
        var input = JsonNode.Parse("""{"a":1}""");
        var patch = Parse("""[{"op":"add","path":"/b","value":2},{"op":"remove","path":"/zz"}]""");
        Assert.False(JsonPatcher.TryApply(patch, input, out _));
        Assert.Equal("""{"a":1}""", input!.ToJsonString());
    }

    private static string? Run(string value, string patch) =>
        JsonPatcher.TryApply(Parse(patch), JsonNode.Parse(value), out var result) ? result?.ToJsonString() ?? "null" : null;

    private static IReadOnlyList<PatchOperation> Parse(string patch) =>
        ((PatchTransformation)ViewSpecification.Parse($"map a to b patch '{patch}'").Transformations[0]).Operations;
}
