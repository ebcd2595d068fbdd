using System.Text;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Tests.Abstractions.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class TopicValuesTests
{
    private const int Max = TopicLimits.DefaultMaxValueBytes;

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData("-1.5e+3")]
    [InlineData("1e400")]
    [InlineData("\"\"")]
    [InlineData("\"caf\u00e9 \\u00e9 \\ud83c\\udf33 🌳\"")]
    [InlineData("\"\\ud800\"")]
    [InlineData(" \r\n\t{\"a\" : [1, 2, {\"b\": null}], \"c\": \"d\"} \n")]
    [InlineData("{\"a\":1,\"a\":2}")]
    public void TOP_11_well_formed_JSON_is_accepted(string json) =>
        TopicValues.Validate(TopicType.Json, Encoding.UTF8.GetBytes(json), validateValues: false, Max);

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 3)]
    [InlineData("{\"a\":1,}", 7)]
    [InlineData("[1,2", 4)]
    [InlineData("[1,2]]", 5)]
    [InlineData("1 2", 2)]
    [InlineData("{} {}", 3)]
    [InlineData("NaN", 0)]
    [InlineData("Infinity", 0)]
    [InlineData("01", 1)]
    [InlineData("// comment\n1", 0)]
    [InlineData("/* c */ 1", 0)]
    [InlineData("{'a':1}", 1)]
    [InlineData("{a:1}", 1)]
    [InlineData("\"a\tb\"", 2)]
    [InlineData("\"\\x\"", 2)]
    [InlineData("[1,\n2,\n x]", 8)]
    [InlineData("[1,\r\n2,\r\n x]", 10)]
    [InlineData("[\"é\", x]", 7)]
    [InlineData("tru", 3)] // the reader fails where the literal runs out
    public void TOP_15_malformed_JSON_fails_with_the_byte_offset_of_the_first_error(string json, int position) =>
        ErrorAssert.InvalidValue(
            InvalidValueReasons.MalformedJson,
            position,
            () => TopicValues.Validate(TopicType.Json, Encoding.UTF8.GetBytes(json), false, Max));

    [Fact]
    public void TOP_11_a_byte_order_mark_is_not_part_of_JSON_text() =>
        ErrorAssert.InvalidValue(
            InvalidValueReasons.MalformedJson, 0, () => TopicValues.Validate(TopicType.Json, [0xEF, 0xBB, 0xBF, (byte)'1'], false, Max));

    [Theory]
    [InlineData(new byte[] { (byte)'"', 0xC3, 0x28, (byte)'"' }, 1)]
    [InlineData(new byte[] { (byte)'[', (byte)'"', (byte)'o', (byte)'k', (byte)'"', (byte)',', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)']' }, 7)]
    [InlineData(new byte[] { (byte)'1', (byte)' ', 0xFF }, 2)]
    public void TOP_11_invalid_UTF8_anywhere_in_JSON_fails_with_its_byte_offset(byte[] json, int position) =>
        ErrorAssert.InvalidValue(InvalidValueReasons.InvalidUtf8, position, () => TopicValues.Validate(TopicType.Json, json, false, Max));

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"a\":", "}")]
    public void TOP_11_nesting_depth_64_is_accepted_and_65_is_rejected_at_the_65th_opening(string open, string close)
    {
        var depth64 = string.Concat(Enumerable.Repeat(open, 64)) + "1" + string.Concat(Enumerable.Repeat(close, 64));
        TopicValues.Validate(TopicType.Json, Encoding.UTF8.GetBytes(depth64), true, Max);

        var depth65 = string.Concat(Enumerable.Repeat(open, 65)) + "1" + string.Concat(Enumerable.Repeat(close, 65));
        ErrorAssert.InvalidValue(
            InvalidValueReasons.DepthExceeded,
            64 * open.Length,
            () => TopicValues.Validate(TopicType.Json, Encoding.UTF8.GetBytes(depth65), false, Max));
    }

    [Fact]
    public void ERR_31_a_megabyte_of_opening_brackets_is_rejected_by_depth_not_by_the_stack() =>
        ErrorAssert.InvalidValue(
            InvalidValueReasons.DepthExceeded, 64, () => TopicValues.Validate(TopicType.Json, Enumerable.Repeat((byte)'[', Max).ToArray(), false, Max));

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}", 7)]
    [InlineData("{\"a\":1,\"\\u0061\":2}", 7)]
    [InlineData("{\"x\":{\"a\":1,\"b\":2,\"a\":3}}", 18)]
    [InlineData("[{\"a\":1},{\"b\":1,\"b\":1}]", 16)]
    [InlineData("{\"\\ud800\":1,\"\\ud800\":2}", 12)]
    [InlineData("{\"é\":1,\"\\u00e9\":2}", 8)]
    public void TOP_22_VALIDATE_VALUES_rejects_duplicate_member_names(string json, int position)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        TopicValues.Validate(TopicType.Json, bytes, validateValues: false, Max);
        ErrorAssert.InvalidValue(InvalidValueReasons.DuplicateMember, position, () => TopicValues.Validate(TopicType.Json, bytes, true, Max));
    }

    [Theory]
    [InlineData("{\"a\":{\"a\":1},\"b\":[{\"a\":1},{\"a\":2}]}")]
    [InlineData("{\"a\":1,\"A\":2}")]
    [InlineData("{\"\\ud800\":1,\"\\udc00\":2}")]
    [InlineData("[{\"a\":1},{\"a\":1}]")]
    public void TOP_22_VALIDATE_VALUES_accepts_distinct_names_in_each_object(string json) =>
        TopicValues.Validate(TopicType.Json, Encoding.UTF8.GetBytes(json), validateValues: true, Max);

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("caf\u00e9 🌳 \u0000 \ufeff")]
    public void TOP_12_STRING_values_are_valid_UTF8(string text) =>
        TopicValues.Validate(TopicType.String, Encoding.UTF8.GetBytes(text), true, Max);

    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF }, 1)]
    [InlineData(new byte[] { 0xE2, 0x82 }, 0)]
    [InlineData(new byte[] { 0xC0, 0xAF }, 0)]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0)]
    [InlineData(new byte[] { 0xC3, 0xA9, 0x80 }, 2)]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, 0)]
    [InlineData(new byte[] { 0x61, 0x62, 0xF0, 0x9F, 0x8C }, 2)]
    public void TOP_15_invalid_UTF8_in_a_STRING_fails_with_its_byte_offset(byte[] bytes, int position)
    {
        ErrorAssert.InvalidValue(InvalidValueReasons.InvalidUtf8, position, () => TopicValues.Validate(TopicType.String, bytes, false, Max));
        ErrorAssert.InvalidValue(InvalidValueReasons.InvalidUtf8, position, () => TopicValues.DecodeString(bytes));
    }

    [Theory]
    [InlineData(TopicType.Int64, 0)]
    [InlineData(TopicType.Int64, 7)]
    [InlineData(TopicType.Int64, 9)]
    [InlineData(TopicType.Double, 0)]
    [InlineData(TopicType.Double, 4)]
    [InlineData(TopicType.Double, 16)]
    public void TOP_15_INT64_and_DOUBLE_values_are_exactly_8_bytes(TopicType type, int length)
    {
        TopicValues.Validate(type, new byte[8], true, Max);
        ErrorAssert.InvalidValue(InvalidValueReasons.WrongLength, null, () => TopicValues.Validate(type, new byte[length], false, Max));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void TOP_10_DOUBLE_allows_NaN_and_infinities_unless_VALIDATE_VALUES(double value)
    {
        var encoded = TopicValues.Encode(value);
        TopicValues.Validate(TopicType.Double, encoded.Span, validateValues: false, Max);
        Assert.Equal(value, TopicValues.DecodeDouble(encoded.Span));
        ErrorAssert.InvalidValue(InvalidValueReasons.NotFinite, null, () => TopicValues.Validate(TopicType.Double, encoded.Span, true, Max));
    }

    [Theory]
    [InlineData(-0.0)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(-1e-300)]
    public void TOP_22_VALIDATE_VALUES_accepts_finite_doubles(double value) =>
        TopicValues.Validate(TopicType.Double, TopicValues.Encode(value).Span, validateValues: true, Max);

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xFF, 0x00, 0xED, 0xA0, 0x80 })]
    public void TOP_10_BINARY_accepts_any_bytes_including_none(byte[] bytes) =>
        TopicValues.Validate(TopicType.Binary, bytes, validateValues: true, Max);

    [Theory]
    [InlineData(TopicType.Json)]
    [InlineData(TopicType.String)]
    [InlineData(TopicType.Binary)]
    public void TOP_14_a_value_at_the_limit_is_accepted_and_one_byte_more_fails_with_LIMIT_EXCEEDED(TopicType type)
    {
        var limit = TopicLimits.MinimumMaxValueBytes;
        var atLimit = Encoding.UTF8.GetBytes("\"" + new string('x', limit - 2) + "\"");
        TopicValues.Validate(type, atLimit, false, limit);

        var error = ErrorAssert.Throws(ErrorCode.LimitExceeded, () => TopicValues.Validate(type, new byte[limit + 1], false, limit));
        Assert.Equal("MaxValueBytes", error.Text("limit"));
        Assert.Equal(limit, error.Details()["maximum"]!.GetValue<int>());
        Assert.IsType<TopiaryCapacityException>(error);
        Assert.Contains("1025 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TOP_14_size_is_checked_before_well_formedness() =>
        ErrorAssert.Throws(ErrorCode.LimitExceeded, () => TopicValues.Validate(TopicType.Json, new byte[2048], false, 1024));

    [Fact]
    public void TOP_10_TIME_SERIES_values_are_unsupported() =>
        Assert.Equal(
            "TIME_SERIES",
            ErrorAssert.Throws(ErrorCode.Unsupported, () => TopicValues.Validate(TopicType.TimeSeries, [], false, Max)).Text("feature"));

    [Fact]
    public void Validate_rejects_a_negative_limit_and_an_undefined_type()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicValues.Validate(TopicType.Binary, [], false, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicValues.Validate((TopicType)42, [], false, Max));
    }

    [Theory]
    [InlineData(TopicType.Json, TopicType.String)]
    [InlineData(TopicType.Int64, TopicType.Double)]
    [InlineData(TopicType.Binary, TopicType.Json)]
    public void TOP_15_a_value_of_another_type_fails_with_INCOMPATIBLE_TYPE(TopicType topic, TopicType value)
    {
        Assert.False(TopicValues.IsCompatible(topic, value));
        var error = ErrorAssert.Throws(ErrorCode.IncompatibleType, () => TopicValues.EnsureCompatible(topic, value));
        Assert.Equal(topic.WireName(), error.Text("expected"));
        Assert.Equal(value.WireName(), error.Text("actual"));
    }

    [Theory]
    [InlineData(TopicType.Json, false)]
    [InlineData(TopicType.String, true)]
    [InlineData(TopicType.Int64, true)]
    [InlineData(TopicType.Double, true)]
    [InlineData(TopicType.Binary, false)]
    [InlineData(TopicType.TimeSeries, false)]
    public void TOP_13_only_STRING_INT64_and_DOUBLE_can_be_set_back_to_no_value(TopicType type, bool allowed)
    {
        Assert.Equal(allowed, TopicValues.CanClear(type));
        if (allowed)
        {
            TopicValues.EnsureCanClear(type);
        }
        else
        {
            ErrorAssert.InvalidValue(InvalidValueReasons.NoValueNotAllowed, null, () => TopicValues.EnsureCanClear(type));
        }
    }

    [Fact]
    public void ValidateUpdate_checks_type_then_presence_then_the_bytes()
    {
        var json = TopicSpecification.Create(TopicType.Json);
        var strictJson = TopicSpecification.Create(TopicType.Json, new Dictionary<string, string> { ["VALIDATE_VALUES"] = "true" });
        var text = TopicSpecification.Create(TopicType.String);

        TopicValues.ValidateUpdate(json, TopicValues.EncodeJson("null"), Max);
        TopicValues.ValidateUpdate(text, TopicValue.NoValue(TopicType.String), Max);
        ErrorAssert.Throws(ErrorCode.IncompatibleType, () => TopicValues.ValidateUpdate(json, TopicValues.Encode("x"), Max));
        ErrorAssert.Throws(ErrorCode.IncompatibleType, () => TopicValues.ValidateUpdate(json, TopicValue.NoValue(TopicType.String), Max));
        ErrorAssert.InvalidValue(InvalidValueReasons.NoValueNotAllowed, null, () => TopicValues.ValidateUpdate(json, TopicValue.NoValue(TopicType.Json), Max));
        var duplicate = TopicValue.FromEncoded(TopicType.Json, Encoding.UTF8.GetBytes("{\"a\":1,\"a\":1}"));
        TopicValues.ValidateUpdate(json, duplicate, Max);
        ErrorAssert.InvalidValue(InvalidValueReasons.DuplicateMember, 7, () => TopicValues.ValidateUpdate(strictJson, duplicate, Max));
        ErrorAssert.Throws(ErrorCode.LimitExceeded, () => TopicValues.ValidateUpdate(text, TopicValues.Encode(new string('x', 2000)), 1024));
    }
}
