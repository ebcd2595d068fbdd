using System.Text.Json;
using Topiary.Client.Topics;
using Topiary.Errors;
using Topiary.Tests.Abstractions.Topics;
using Topiary.Topics;

namespace Topiary.Tests.Client.Topics;

/// <summary>Values received: wire bytes (protocol §5) to .NET types, and the JSON forms of fetch results (§3.1).</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ValueReaderTests
{
    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(0L)]
    public void INT64_bytes_decode_exactly(long number)
    {
        var value = TopicValues.Encode(number);
        Assert.Equal(number, value.As<long>());
        Assert.Equal(number, value.As<long?>());
        Assert.Equal(number, value.AsInt64());
        Assert.Equal(number, value.ToObject());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-0.0)]
    [InlineData(0.1)]
    public void DOUBLE_bytes_decode_bit_for_bit(double number)
    {
        var value = TopicValues.Encode(number);
        Assert.Equal(BitConverter.DoubleToInt64Bits(number), BitConverter.DoubleToInt64Bits(value.As<double>()));
        Assert.Equal(BitConverter.DoubleToInt64Bits(number), BitConverter.DoubleToInt64Bits(value.As<double?>()!.Value));
    }

    [Fact]
    public void STRING_bytes_decode_from_UTF8() =>
        Assert.Equal("café 🌳", TopicValues.Encode("café 🌳").As<string>());

    [Fact]
    public void BINARY_decodes_as_an_independent_copy_or_a_view()
    {
        var bytes = new byte[] { 1, 2, 3 };
        var value = TopicValue.FromEncoded(TopicType.Binary, bytes);
        var copy = value.As<byte[]>()!;
        copy[0] = 99;
        Assert.Equal(1, value.Span[0]);
        Assert.Equal(bytes, value.As<ReadOnlyMemory<byte>>().ToArray());
        Assert.Equal(bytes, value.AsBinary()!.Value.ToArray());
    }

    [Fact]
    public void TOP_11_JSON_decodes_to_the_exact_text()
    {
        const string text = "{ \"b\" : 1.10,\"a\":[1e400] }";
        var value = TopicValues.EncodeJson(text);
        Assert.Equal(text, value.As<JsonValue>().Text);
        Assert.Equal(text, value.AsJson()!.Value.Text);
        Assert.Equal(text, ((JsonValue)value.ToObject()!).Text);
        Assert.Equal(JsonValueKind.Object, value.As<JsonElement>().ValueKind);
        Assert.Equal("1.10", value.As<JsonElement?>()!.Value.GetProperty("b").GetRawText());
    }

    [Fact]
    public void TOP_13_no_value_decodes_as_null_or_default()
    {
        var none = TopicValue.NoValue(TopicType.Int64);
        Assert.Null(none.As<long?>());
        Assert.Equal(0L, none.As<long>());
        Assert.Null(none.AsInt64());
        Assert.Null(none.ToObject());
        Assert.Null(TopicValue.NoValue(TopicType.String).As<string>());
        Assert.Equal(none, none.As<TopicValue>());
    }

    [Fact]
    public void Reading_as_another_topic_type_fails_with_INCOMPATIBLE_TYPE()
    {
        var value = TopicValues.Encode("x");
        ErrorAssert.Throws(ErrorCode.IncompatibleType, () => value.As<long>());
        ErrorAssert.Throws(ErrorCode.IncompatibleType, () => value.AsJson());
        var exception = ErrorAssert.Throws(ErrorCode.IncompatibleType, () => value.AsInt64());
        Assert.Equal("STRING", exception.Text("expected"));
        Assert.Equal("INT64", exception.Text("actual"));
    }

    [Fact]
    public void Reading_as_an_unsupported_type_fails_with_INVALID_ARGUMENT() =>
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => TopicValues.Encode(1L).As<int>());

    [Theory]
    [InlineData("INT64", "\"9223372036854775807\"", "9223372036854775807")]
    [InlineData("INT64", "-9223372036854775808", "-9223372036854775808")]
    [InlineData("DOUBLE", "1.25", "1.25")]
    [InlineData("DOUBLE", "\"NaN\"", "NaN")]
    [InlineData("DOUBLE", "\"Infinity\"", "Infinity")]
    [InlineData("DOUBLE", "\"-Infinity\"", "-Infinity")]
    [InlineData("STRING", "\"héllo\"", "héllo")]
    [InlineData("JSON", "\"{ \\\"a\\\" :1.0}\"", "{ \"a\" :1.0}")]
    public void Fetch_JSON_forms_decode_to_wire_values(string type, string form, string expected)
    {
        using var document = JsonDocument.Parse(form);
        var value = ValueReader.FromJsonForm(TopicTypes.Parse(type), document.RootElement);
        Assert.True(value.HasValue);
        var actual = value.Type == TopicType.Json
            ? value.AsJson()!.Value.Text
            : Convert.ToString(value.ToObject(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Fetch_BINARY_form_is_base64_and_null_is_no_value()
    {
        using var document = JsonDocument.Parse("""["AAEC", null]""");
        Assert.Equal(new byte[] { 0, 1, 2 }, ValueReader.FromJsonForm(TopicType.Binary, document.RootElement[0]).Span.ToArray());
        Assert.False(ValueReader.FromJsonForm(TopicType.String, document.RootElement[1]).HasValue);
    }

    [Fact]
    public void Fetch_forms_the_type_does_not_allow_are_rejected()
    {
        using var document = JsonDocument.Parse("""["nope", "12x", true]""");
        Assert.Throws<FormatException>(() => ValueReader.FromJsonForm(TopicType.Double, document.RootElement[0]));
        Assert.Throws<FormatException>(() => ValueReader.FromJsonForm(TopicType.Int64, document.RootElement[1]));
        Assert.Throws<InvalidOperationException>(() => ValueReader.FromJsonForm(TopicType.String, document.RootElement[2]));
    }
}
