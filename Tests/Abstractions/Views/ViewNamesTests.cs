using Topiary.Errors;
using Topiary.Views;

namespace Topiary.Tests.Abstractions.Views;

/// <summary>View names (VIEW-5).</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ViewNamesTests
{
    [Theory]
    [InlineData("v")]
    [InlineData("Prices view")]
    [InlineData("ünïcödé/🌳")]
    public void VIEW_5_valid_names(string name) => ViewNames.Validate(name);

    [Fact]
    public void VIEW_5_longest_name_is_accepted() => ViewNames.Validate(new string('x', 256));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    public void VIEW_5_invalid_names_fail_with_invalid_name(string? name)
    {
        var error = Assert.ThrowsAny<TopiaryException>(() => ViewNames.Validate(name));
        Assert.Equal(ErrorCode.InvalidName, error.Code);
        Assert.Equal("view", error.Error.Details!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void VIEW_5_lone_surrogate_fails_and_is_echoed_escaped()
    {
        // Not in InlineData: attribute arguments would turn the lone surrogate into U+FFFD.
        var error = Assert.ThrowsAny<TopiaryException>(() => ViewNames.Validate("lone\uD800"));
        Assert.Equal(ErrorCode.InvalidName, error.Code);
        Assert.Equal("lone\\uD800", error.Error.Details!["name"]!.GetValue<string>());
    }

    [Fact]
    public void VIEW_5_too_long_name_fails()
    {
        var error = Assert.ThrowsAny<TopiaryException>(() => ViewNames.Validate(new string('x', 257)));
        Assert.Contains("257 characters", error.Message, StringComparison.Ordinal);
    }
}
