using System.Text;
using System.Text.Json;
using Topiary.Client.Topics;
using Topiary.Errors;
using Topiary.Tests.Abstractions.Topics;

namespace Topiary.Tests.Client.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class JsonValueTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData(" [1, 2.50, \"é\"] ")]
    [InlineData("\"text\"")]
    public void TOP_11_well_formed_text_is_kept_exactly(string text)
    {
        var json = JsonValue.Parse(text);
        Assert.Equal(text, json.Text);
        Assert.Equal(text, json.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(text), json.Utf8.ToArray());
        Assert.Equal(json, JsonValue.Parse(Encoding.UTF8.GetBytes(text).AsSpan()));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("{", 1)]
    [InlineData("{\"a\":1,}", 7)]
    [InlineData("[1] 2", 4)]
    public void TOP_11_malformed_text_fails_with_INVALID_VALUE_and_its_position(string text, int position) =>
        ErrorAssert.InvalidValue("MALFORMED_JSON", position, () => JsonValue.Parse(text));

    [Fact]
    public void TOP_11_nesting_is_limited_to_64()
    {
        JsonValue.Parse(new string('[', 64) + new string(']', 64));
        ErrorAssert.InvalidValue("DEPTH_EXCEEDED", 64, () => JsonValue.Parse(new string('[', 65) + new string(']', 65)));
    }

    [Fact]
    public void Invalid_UTF8_fails_with_INVALID_VALUE_at_the_first_bad_byte() =>
        ErrorAssert.InvalidValue("INVALID_UTF8", 2, () => JsonValue.FromUtf8(new byte[] { (byte)'"', (byte)'a', 0xFF, (byte)'"' }));

    [Fact]
    public void Unpaired_surrogate_fails_with_INVALID_VALUE() =>
        ErrorAssert.InvalidValue("UNPAIRED_SURROGATE", 2, () => JsonValue.Parse("\"a\uD800\""));

    [Fact]
    public void Null_text_fails_with_INVALID_ARGUMENT() =>
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => JsonValue.Parse((string)null!));

    [Fact]
    public void Equality_compares_the_bytes()
    {
        Assert.Equal(JsonValue.Parse("{\"a\":1}"), JsonValue.Parse("{\"a\":1}"));
        Assert.Equal(JsonValue.Parse("[1]").GetHashCode(), JsonValue.Parse("[1]").GetHashCode());
        Assert.NotEqual(JsonValue.Parse("{\"a\":1}"), JsonValue.Parse("{ \"a\": 1 }"));
    }

    [Fact]
    public void FromUtf8_keeps_the_memory_without_copying()
    {
        var bytes = Encoding.UTF8.GetBytes("[1]");
        var json = JsonValue.FromUtf8(bytes);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(json.Utf8, out var segment));
        Assert.Same(bytes, segment.Array);
    }

    [Fact]
    public void ToJsonElement_parses_the_text()
    {
        var element = JsonValue.Parse("{\"price\": 1.10}").ToJsonElement();
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal("1.10", element.GetProperty("price").GetRawText());
    }

    [Fact]
    public void Default_holds_no_text()
    {
        Assert.True(default(JsonValue).IsEmpty);
        Assert.Equal("", default(JsonValue).Text);
        Assert.Throws<InvalidOperationException>(() => default(JsonValue).ToJsonElement());
    }
}
