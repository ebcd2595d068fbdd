using System.Buffers;
using System.Text;
using System.Text.Json;
using Topiary.Client.Topics;
using Topiary.Errors;
using Topiary.Tests.Abstractions.Topics;
using Topiary.Topics;

namespace Topiary.Tests.Client.Topics;

/// <summary>Values in requests (protocol §3.1): the <c>type</c> and <c>value</c> written for every supported .NET type.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ValueWriterTests
{
    // Whitespace, member order, number spellings, escapes and non-ASCII that a reformatter would change.
    private const string TrickyJson = " {\"b\":1.10, \"a\" : [1e400, -0.0, 1E+2], \"s\":\"caf\\u00e9 é 🌳 \\\"q\\\" <>&'\"}\n";

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("café 🌳 \"quoted\" <>&\u0001")]
    public void String_is_sent_as_a_STRING_json_string(string text)
    {
        var (type, value) = Write(text);
        Assert.Equal("STRING", type);
        Assert.Equal(text, value.GetString());
    }

    [Fact]
    public void TOP_12_string_with_an_unpaired_surrogate_fails_with_INVALID_VALUE_before_sending() =>
        ErrorAssert.InvalidValue("UNPAIRED_SURROGATE", 2, () => Write("ab\uD800cd"));

    [Theory]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    [InlineData(0L, "0")]
    [InlineData(-1L, "-1")]
    public void INT64_is_sent_as_a_decimal_string_exact_over_the_full_range(long number, string expected)
    {
        var (type, value) = Write(number);
        Assert.Equal("INT64", type);
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.Equal(expected, value.GetString());
        Assert.Equal(expected, Write<long?>(number).Value.GetString());
        Assert.Equal(expected, Write<object>(number).Value.GetString());
    }

    [Theory]
    [InlineData(1.25)]
    [InlineData(0.1)]
    [InlineData(-0.0)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    [InlineData(-123456789.123456789)]
    public void DOUBLE_is_sent_as_a_number_that_round_trips_exactly(double number)
    {
        var (type, value) = Write(number);
        Assert.Equal("DOUBLE", type);
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        Assert.Equal(BitConverter.DoubleToInt64Bits(number), BitConverter.DoubleToInt64Bits(value.GetDouble()));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void DOUBLE_NaN_and_infinities_are_sent_as_their_names(double number, string expected)
    {
        Assert.Equal(expected, Write(number).Value.GetString());
        Assert.Equal(expected, Write<double?>(number).Value.GetString());
    }

    [Theory]
    [InlineData(new byte[] { 0, 1, 2 }, "AAEC")]
    [InlineData(new byte[] { 0xFF }, "/w==")]
    [InlineData(new byte[] { 0xFB, 0xFF }, "+/8=")]
    [InlineData(new byte[0], "")]
    public void BINARY_is_sent_as_padded_base64(byte[] bytes, string expected)
    {
        var (type, value) = Write(bytes);
        Assert.Equal("BINARY", type);
        Assert.Equal(expected, value.GetString());
        Assert.Equal(expected, Write(new ReadOnlyMemory<byte>(bytes)).Value.GetString());
        Assert.Equal(expected, Write<ReadOnlyMemory<byte>?>(bytes).Value.GetString());
    }

    [Fact]
    public void TOP_11_JsonValue_text_is_sent_byte_for_byte()
    {
        var json = JsonValue.Parse(TrickyJson);
        var (type, value) = Write(json);
        Assert.Equal("JSON", type);
        Assert.Equal(TrickyJson, value.GetString());
        Assert.Equal(Encoding.UTF8.GetBytes(TrickyJson), Encoding.UTF8.GetBytes(value.GetString()!));
    }

    [Fact]
    public void TOP_11_JsonElement_is_sent_as_its_original_text()
    {
        using var document = JsonDocument.Parse(TrickyJson);
        var (type, value) = Write(document.RootElement);
        Assert.Equal("JSON", type);
        Assert.Equal(TrickyJson.Trim(), value.GetString());
    }

    [Fact]
    public void TOP_13_typed_null_is_no_value_for_STRING_INT64_and_DOUBLE()
    {
        Assert.Equal(("STRING", JsonValueKind.Null), Kind(Write<string?>(null)));
        Assert.Equal(("INT64", JsonValueKind.Null), Kind(Write<long?>(null)));
        Assert.Equal(("DOUBLE", JsonValueKind.Null), Kind(Write<double?>(null)));
        Assert.Equal(("INT64", JsonValueKind.Null), Kind(Write(TopicValue.NoValue(TopicType.Int64))));
    }

    [Fact]
    public void TOP_13_no_value_for_JSON_and_BINARY_fails_with_INVALID_VALUE_before_sending()
    {
        ErrorAssert.InvalidValue("NO_VALUE_NOT_ALLOWED", null, () => Write<byte[]?>(null));
        ErrorAssert.InvalidValue("NO_VALUE_NOT_ALLOWED", null, () => Write<JsonValue?>(null));
        ErrorAssert.InvalidValue("NO_VALUE_NOT_ALLOWED", null, () => Write(TopicValue.NoValue(TopicType.Json)));
    }

    [Fact]
    public void Empty_JSON_values_fail_with_INVALID_VALUE()
    {
        ErrorAssert.InvalidValue("UNDEFINED", null, () => Write(default(JsonValue)));
        ErrorAssert.InvalidValue("UNDEFINED", null, () => Write(default(JsonElement)));
    }

    [Fact]
    public void Shared_TopicValue_of_each_type_is_sent_in_its_JSON_form()
    {
        Assert.Equal(("INT64", "-5"), Text(Write(TopicValues.Encode(-5L))));
        Assert.Equal(("STRING", "x"), Text(Write(TopicValues.Encode("x"))));
        Assert.Equal(("JSON", "[1, 2]"), Text(Write(TopicValues.EncodeJson("[1, 2]"))));
        Assert.Equal(("BINARY", "AAEC"), Text(Write(TopicValues.EncodeBinary([0, 1, 2]))));
        Assert.Equal(("DOUBLE", "Infinity"), Text(Write<object>(TopicValues.Encode(double.PositiveInfinity))));
    }

    [Fact]
    public void Shared_TopicValue_with_bad_bytes_fails_with_INVALID_VALUE() =>
        ErrorAssert.InvalidValue("WRONG_LENGTH", null, () => Write(TopicValue.FromEncoded(TopicType.Int64, new byte[3])));

    [Fact]
    public void Object_values_are_sent_as_the_type_of_the_runtime_value()
    {
        Assert.Equal(("STRING", "s"), Text(Write<object>("s")));
        Assert.Equal(("BINARY", "AQ=="), Text(Write<object>(new byte[] { 1 })));
        Assert.Equal(("JSON", "{}"), Text(Write<object>(JsonValue.Parse("{}"))));
        Assert.Equal("DOUBLE", Write<object>(2.5).Type);
    }

    [Fact]
    public void Null_object_has_no_type_and_fails_with_INVALID_ARGUMENT() =>
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => Write<object?>(null));

    [Fact]
    public void Unsupported_types_fail_with_INVALID_ARGUMENT_naming_the_type()
    {
        var exception = ErrorAssert.Throws(ErrorCode.InvalidArgument, () => Write(42));
        Assert.Contains("System.Int32", exception.Message, StringComparison.Ordinal);
        Assert.Equal("UNSUPPORTED_TYPE", exception.Text("reason"));
        Assert.Contains("System.DateTime", ErrorAssert.Throws(ErrorCode.InvalidArgument, () => Write<object>(DateTime.UnixEpoch)).Message, StringComparison.Ordinal);
        Assert.Contains("System.Single", ErrorAssert.Throws(ErrorCode.InvalidArgument, () => Write(1.5f)).Message, StringComparison.Ordinal);
    }

    private static (string, JsonValueKind) Kind((string Type, JsonElement Value) written) => (written.Type, written.Value.ValueKind);

    private static (string, string?) Text((string Type, JsonElement Value) written) => (written.Type, written.Value.GetString());

    private static (string Type, JsonElement Value) Write<T>(T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            ValueWriter.Write(writer, value);
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var root = document.RootElement.Clone();
        return (root.GetProperty("type").GetString()!, root.GetProperty("value"));
    }
}
