using System.Text;
using System.Text.Json;
using Topiary.Topics;

namespace Topiary.Tests.Abstractions.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class TopicValueEncodingTests
{
    [Theory]
    [InlineData(0L, "0000000000000000")]
    [InlineData(1L, "0100000000000000")]
    [InlineData(-1L, "FFFFFFFFFFFFFFFF")]
    [InlineData(long.MaxValue, "FFFFFFFFFFFFFF7F")]
    [InlineData(long.MinValue, "0000000000000080")]
    [InlineData(0x0102030405060708L, "0807060504030201")]
    public void TOP_12_INT64_is_8_bytes_little_endian_over_the_full_range(long value, string hex)
    {
        var encoded = TopicValues.Encode(value);
        Assert.Equal(TopicType.Int64, encoded.Type);
        Assert.Equal(hex, Convert.ToHexString(encoded.Span));
        Assert.Equal(value, TopicValues.DecodeInt64(encoded.Span));
    }

    [Theory]
    [InlineData(1.0, "000000000000F03F")]
    [InlineData(-2.5, "00000000000004C0")]
    [InlineData(0.0, "0000000000000000")]
    [InlineData(-0.0, "0000000000000080")]
    [InlineData(double.PositiveInfinity, "000000000000F07F")]
    [InlineData(double.NegativeInfinity, "000000000000F0FF")]
    public void TOP_10_DOUBLE_is_8_bytes_little_endian_IEEE_754(double value, string hex)
    {
        var encoded = TopicValues.Encode(value);
        Assert.Equal(TopicType.Double, encoded.Type);
        Assert.Equal(hex, Convert.ToHexString(encoded.Span));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(TopicValues.DecodeDouble(encoded.Span)));
    }

    [Fact]
    public void TOP_10_DOUBLE_NaN_round_trips() =>
        Assert.True(double.IsNaN(TopicValues.DecodeDouble(TopicValues.Encode(double.NaN).Span)));

    [Theory]
    [InlineData("", "")]
    [InlineData("é", "C3A9")]
    [InlineData("a🌳", "61F09F8CB3")]
    public void TOP_12_STRING_is_UTF8(string text, string hex)
    {
        var encoded = TopicValues.Encode(text);
        Assert.Equal(TopicType.String, encoded.Type);
        Assert.Equal(hex, Convert.ToHexString(encoded.Span));
        Assert.Equal(text, TopicValues.DecodeString(encoded.Span));
    }

    // Lone surrogates are written as <D800> because xunit cannot carry them in test data.
    [Theory]
    [InlineData("a<D800>b", 1)]
    [InlineData("ab<DC00>", 2)]
    [InlineData("<DC00><D800>", 0)]
    [InlineData("🌳<D83C>", 2)]
    public void TOP_12_a_string_with_an_unpaired_surrogate_is_rejected_not_replaced(string template, int position)
    {
        var text = template.Replace("<D800>", "\uD800", StringComparison.Ordinal)
            .Replace("<DC00>", "\uDC00", StringComparison.Ordinal)
            .Replace("<D83C>", "\uD83C", StringComparison.Ordinal);
        ErrorAssert.InvalidValue(InvalidValueReasons.UnpairedSurrogate, position, () => TopicValues.Encode(text));
        ErrorAssert.InvalidValue(InvalidValueReasons.UnpairedSurrogate, position + 1, () => TopicValues.EncodeJson("\"" + text + "\""));
    }

    [Theory]
    [InlineData("{ \"b\" : 1.0, \"a\": [ ] }")]
    [InlineData("1E+2")]
    [InlineData("  \"\\u00e9\"  ")]
    public void TOP_11_JSON_text_is_kept_byte_for_byte(string json)
    {
        var encoded = TopicValues.EncodeJson(json);
        Assert.Equal(TopicType.Json, encoded.Type);
        Assert.Equal(Encoding.UTF8.GetBytes(json), encoded.Span.ToArray());
        Assert.Equal(json, TopicValues.DecodeJson(encoded.Span));
    }

    [Theory]
    [InlineData("[\"é\", x]", 6)]
    [InlineData("{\"🌳\":1,}", 8)]
    [InlineData("", 0)]
    public void EncodeJson_reports_positions_in_UTF16_units_of_the_given_text(string json, int position) =>
        ErrorAssert.InvalidValue(InvalidValueReasons.MalformedJson, position, () => TopicValues.EncodeJson(json));

    [Fact]
    public void EncodeJson_checks_depth()
    {
        var deep = new string('[', 65) + new string(']', 65);
        ErrorAssert.InvalidValue(InvalidValueReasons.DepthExceeded, 64, () => TopicValues.EncodeJson(deep));
    }

    [Fact]
    public void EncodeJson_of_an_element_uses_its_original_text()
    {
        using var document = JsonDocument.Parse("{\"n\": 1.50, \"s\": \"\\u00e9\"}");
        Assert.Equal("1.50", TopicValues.DecodeJson(TopicValues.EncodeJson(document.RootElement.GetProperty("n")).Span));
        Assert.Equal("{\"n\": 1.50, \"s\": \"\\u00e9\"}", TopicValues.DecodeJson(TopicValues.EncodeJson(document.RootElement).Span));
    }

    [Fact]
    public void EncodeJson_of_an_undefined_element_fails() =>
        ErrorAssert.InvalidValue(InvalidValueReasons.Undefined, null, () => TopicValues.EncodeJson(default(JsonElement)));

    [Fact]
    public void EncodeJson_of_a_deeper_element_than_64_fails()
    {
        var deep = new string('[', 70) + new string(']', 70);
        using var document = JsonDocument.Parse(deep, new JsonDocumentOptions { MaxDepth = 100 });
        ErrorAssert.InvalidValue(InvalidValueReasons.DepthExceeded, 64, () => TopicValues.EncodeJson(document.RootElement));
    }

    [Fact]
    public void EncodeBinary_copies_its_input()
    {
        var source = new byte[] { 1, 2, 3 };
        var value = TopicValues.EncodeBinary(source);
        source[0] = 9;
        Assert.Equal(TopicType.Binary, value.Type);
        Assert.Equal([1, 2, 3], value.Span.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(9)]
    public void Decoding_INT64_or_DOUBLE_of_the_wrong_length_fails(int length)
    {
        ErrorAssert.InvalidValue(InvalidValueReasons.WrongLength, null, () => TopicValues.DecodeInt64(new byte[length]));
        ErrorAssert.InvalidValue(InvalidValueReasons.WrongLength, null, () => TopicValues.DecodeDouble(new byte[length]));
    }

    [Fact]
    public void DecodeJson_rejects_invalid_UTF8() =>
        ErrorAssert.InvalidValue(InvalidValueReasons.InvalidUtf8, 1, () => TopicValues.DecodeJson([(byte)'"', 0xFF, (byte)'"']));

    [Fact]
    public void TOP_13_no_value_is_distinct_from_an_empty_value()
    {
        var none = TopicValue.NoValue(TopicType.String);
        var empty = TopicValues.Encode(string.Empty);
        Assert.False(none.HasValue);
        Assert.True(empty.HasValue);
        Assert.True(none.Bytes.IsEmpty);
        Assert.NotEqual(none, empty);
        Assert.Equal("STRING (no value)", none.ToString());
        Assert.Equal("STRING (0 bytes)", empty.ToString());
        Assert.Equal(TopicValue.NoValue(TopicType.Json), default);
    }

    [Fact]
    public void TopicValue_equality_is_by_type_presence_and_bytes()
    {
        var a = TopicValue.FromEncoded(TopicType.Binary, new byte[] { 1, 2 });
        var b = TopicValue.FromEncoded(TopicType.Binary, new byte[] { 1, 2 });
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != TopicValue.FromEncoded(TopicType.String, new byte[] { 1, 2 }));
        Assert.True(a != TopicValue.FromEncoded(TopicType.Binary, new byte[] { 1, 3 }));
        Assert.False(a.Equals((object)"x"));
    }

    [Fact]
    public void TOP_14_limits_are_1_MiB_by_default_within_1_KiB_to_64_MiB()
    {
        Assert.Equal(1_048_576, TopicLimits.DefaultMaxValueBytes);
        Assert.Equal(1_024, TopicLimits.MinimumMaxValueBytes);
        Assert.Equal(67_108_864, TopicLimits.MaximumMaxValueBytes);
        Assert.Equal(64, TopicLimits.MaxJsonDepth);
        Assert.Equal(10_000, TopicLimits.MaxHistoryLimit);
    }
}
