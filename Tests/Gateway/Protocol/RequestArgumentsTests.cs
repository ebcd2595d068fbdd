using System.Text;
using System.Text.Json;
using Topiary.Gateway.Protocol;

namespace Topiary.Tests.Gateway.Protocol;

/// <summary>Typed access to a request's <c>args</c>: a missing or mistyped argument is INVALID_ARGUMENT naming it.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class RequestArgumentsTests
{
    [Fact]
    public void Required_string_is_read()
    {
        Assert.Equal("a/b", Args("{\"path\":\"a/b\"}").RequiredString("path", "the topic path"));
        Assert.Equal("", Args("{\"path\":\"\"}").RequiredString("path", "the topic path"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"Path\":\"a\"}")]
    [InlineData("null")]
    [InlineData(null)]
    public void Missing_required_string_is_named_with_what_is_expected(string? args)
    {
        var exception = ArgumentAssert.InvalidArgument("path", "MISSING", () => Args(args).RequiredString("path", "the topic path"));

        Assert.Contains("the topic path", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"path\":1}")]
    [InlineData("{\"path\":null}")]
    [InlineData("{\"path\":[\"a\"]}")]
    [InlineData("{\"path\":{}}")]
    [InlineData("{\"path\":false}")]
    public void Mistyped_required_string_is_named(string args)
    {
        ArgumentAssert.InvalidArgument("path", "WRONG_TYPE", () => Args(args).RequiredString("path", "the topic path"));
    }

    [Fact]
    public void Optional_string_is_null_when_absent_and_must_be_a_string_when_present()
    {
        Assert.Null(Args("{}").OptionalString("after"));
        Assert.Null(Args(null).OptionalString("after"));
        Assert.Equal("a", Args("{\"after\":\"a\"}").OptionalString("after"));
        ArgumentAssert.InvalidArgument("after", "WRONG_TYPE", () => Args("{\"after\":3}").OptionalString("after"));
    }

    [Fact]
    public void Optional_bool_is_false_when_absent_and_must_be_true_or_false()
    {
        Assert.False(Args("{}").OptionalBool("withValues"));
        Assert.True(Args("{\"withValues\":true}").OptionalBool("withValues"));
        Assert.False(Args("{\"withValues\":false}").OptionalBool("withValues"));
        ArgumentAssert.InvalidArgument("withValues", "WRONG_TYPE", () => Args("{\"withValues\":\"true\"}").OptionalBool("withValues"));
        ArgumentAssert.InvalidArgument("withValues", "WRONG_TYPE", () => Args("{\"withValues\":1}").OptionalBool("withValues"));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("100000", 100000)]
    [InlineData("42", 42)]
    public void Optional_int_within_range_is_read(string value, int expected)
    {
        Assert.Equal(expected, Args($"{{\"limit\":{value}}}").OptionalInt("limit", 0, 100_000));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100001")]
    [InlineData("1.5")]
    [InlineData("1e10")]
    [InlineData("\"5\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("99999999999999999999")]
    public void Optional_int_out_of_range_or_not_an_integer_is_named_with_the_range(string value)
    {
        var exception = ArgumentAssert.InvalidArgument("limit", "OUT_OF_RANGE",
            () => Args($"{{\"limit\":{value}}}").OptionalInt("limit", 0, 100_000));

        Assert.Contains("0 to 100000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_int_is_null_when_absent()
    {
        Assert.Null(Args("{}").OptionalInt("limit", 0, 10));
    }

    [Fact]
    public void Properties_are_an_object_of_strings()
    {
        var properties = Args("{\"properties\":{\"PERSISTENT\":\"false\",\"TIDY_ON_UNSUBSCRIBE\":\"true\"}}").OptionalProperties("properties");

        Assert.Equal(2, properties.Count);
        Assert.Equal("false", properties["PERSISTENT"]);
        Assert.Empty(Args("{}").OptionalProperties("properties"));
        Assert.Empty(Args("{\"properties\":{}}").OptionalProperties("properties"));
    }

    [Theory]
    [InlineData("{\"properties\":[]}", "properties")]
    [InlineData("{\"properties\":\"PERSISTENT=true\"}", "properties")]
    [InlineData("{\"properties\":null}", "properties")]
    [InlineData("{\"properties\":{\"PERSISTENT\":true}}", "properties.PERSISTENT")]
    [InlineData("{\"properties\":{\"A\":\"x\",\"B\":1}}", "properties.B")]
    [InlineData("{\"properties\":{\"A\":null}}", "properties.A")]
    public void Mistyped_properties_name_the_object_or_the_member(string args, string argument)
    {
        ArgumentAssert.InvalidArgument(argument, "WRONG_TYPE", () => Args(args).OptionalProperties("properties"));
    }

    [Fact]
    public void String_arguments_with_an_unpaired_surrogate_are_invalid_arguments_not_crashes()
    {
        ArgumentAssert.InvalidArgument("path", "INVALID_UNICODE", () => Args("{\"path\":\"a\\udc00b\"}").RequiredString("path", "the topic path"));
        ArgumentAssert.InvalidArgument("after", "INVALID_UNICODE", () => Args("{\"after\":\"\\ud800\"}").OptionalString("after"));
        ArgumentAssert.InvalidArgument("properties.A", "INVALID_UNICODE",
            () => Args("{\"properties\":{\"A\":\"\\ud800\"}}").OptionalProperties("properties"));
        ArgumentAssert.InvalidArgument("properties", "INVALID_UNICODE",
            () => Args("{\"properties\":{\"\\ud800\":\"x\"}}").OptionalProperties("properties"));
    }

    [Fact]
    public void String_arguments_with_invalid_utf8_are_invalid_arguments_not_crashes()
    {
        byte[] args = [.. "{\"path\":\"a"u8, 0xC3, 0x28, .. "\",\"properties\":{\"K"u8, 0xFF, .. "\":\"v\"}}"u8];
        using var document = JsonDocument.Parse(args);

        ArgumentAssert.InvalidArgument("path", "INVALID_UNICODE", () => document.RootElement.RequiredString("path", "the topic path"));
        ArgumentAssert.InvalidArgument("properties", "INVALID_UNICODE", () => document.RootElement.OptionalProperties("properties"));
    }

    [Fact]
    public void TryGet_finds_members_only_of_an_object()
    {
        Assert.True(Args("{\"value\":null}").TryGet("value", out var value));
        Assert.Equal(JsonValueKind.Null, value.ValueKind);
        Assert.False(Args("{}").TryGet("value", out _));
        Assert.False(Args(null).TryGet("value", out _));
        Assert.False(Args("null").TryGet("value", out _));
    }

    // Args as the parser hands them over: an element of a document, or default when absent.
    private static JsonElement Args(string? json) =>
        json is null ? default : JsonDocument.Parse(Encoding.UTF8.GetBytes(json)).RootElement.Clone();
}
