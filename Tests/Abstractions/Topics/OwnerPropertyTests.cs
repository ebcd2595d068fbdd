using Topiary.Topics;
using static Topiary.Tests.Abstractions.Topics.SpecificationBuilder;

namespace Topiary.Tests.Abstractions.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class OwnerPropertyTests
{
    [Theory]
    [InlineData("$Principal is \"alice\"", "alice")]
    [InlineData("$Principal is 'alice'", "alice")]
    [InlineData("$Principal IS 'alice'", "alice")]
    [InlineData("  $Principal   is\t\"alice\"  ", "alice")]
    [InlineData("$Principal is\"alice\"", "alice")]
    [InlineData("$Principal is 'o\\'brien'", "o'brien")]
    [InlineData("$Principal is \"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("$Principal is 'back\\\\slash'", "back\\slash")]
    [InlineData("$Principal is 'a\\b'", "ab")]
    [InlineData("$Principal is \"it's\"", "it's")]
    [InlineData("$Principal is 'Zoë 🌳'", "Zoë 🌳")]
    [InlineData("$Principal is ''", "")]
    public void TOP_22_OWNER_names_a_principal_in_single_or_double_quotes_with_backslash_escapes(string value, string principal)
    {
        var spec = Spec(TopicType.Json, ("OWNER", value));
        Assert.Equal(principal, spec.OwnerPrincipal);
        Assert.Equal(value, spec.Properties["OWNER"]);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 3)]
    [InlineData("alice", 0)]
    [InlineData("$principal is 'alice'", 0)]
    [InlineData("$Principal", 10)]
    [InlineData("$Principalis 'a'", 10)]
    [InlineData("$Principal eq 'alice'", 11)]
    [InlineData("$Principal is alice", 14)]
    [InlineData("$Principal is", 13)]
    [InlineData("$Principal is 'alice", 14)]
    [InlineData("$Principal is 'alice\\'", 14)]
    [InlineData("$Principal is \"alice'", 14)]
    [InlineData("$Principal is 'alice' or $Principal is 'bob'", 22)]
    [InlineData("$Principal is 'a''b'", 17)]
    [InlineData("é $Principal is 'a'", 0)]
    [InlineData("$Principal is 'é'x", 17)]
    public void TOP_22_an_invalid_OWNER_fails_with_the_position_inside_the_expression(string value, int position)
    {
        var error = ErrorAssert.InvalidSpecification("OWNER", value, () => Spec(TopicType.Json, ("OWNER", value)));
        Assert.Equal(position, error.Position());
        Assert.Contains("$Principal is \"name\"", error.Allowed());
        Assert.NotNull(error.Text("expected"));
    }
}
