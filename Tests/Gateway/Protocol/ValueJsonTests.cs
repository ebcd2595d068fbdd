using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Topiary.Errors;
using Topiary.Gateway.Protocol;
using Topiary.Tests.Abstractions.Topics;
using Topiary.Topics;

namespace Topiary.Tests.Gateway.Protocol;

/// <summary>
/// The JSON forms of values (docs/protocol.md §3.1) to and from the stored wire bytes (§5):
/// every documented form decodes to the right bytes and writes back to a form that decodes to
/// the same bytes; every other form is INVALID_VALUE.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ValueJsonTests
{
    [Theory]
    [InlineData("JSON", "\"{\\\"bid\\\":1.1}\"", "{\"bid\":1.1}")]
    [InlineData("JSON", "\"  [1, 2 ]  \"", "  [1, 2 ]  ")]
    [InlineData("STRING", "\"hello\"", "hello")]
    [InlineData("STRING", "\"\"", "")]
    [InlineData("STRING", "\"é🌳\\u00e9\\n\\\"\"", "é🌳é\n\"")]
    public void Text_types_store_the_utf8_of_the_string_exactly(string type, string json, string text)
    {
        var bytes = Decode(type, json);

        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes);
        Assert.Equal(bytes, Decode(type, Write(type, bytes!)));
    }

    [Theory]
    [InlineData("\"9223372036854775807\"", long.MaxValue)]
    [InlineData("\"-9223372036854775808\"", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("\"0\"", 0L)]
    [InlineData("0", 0L)]
    [InlineData("\"-1\"", -1L)]
    [InlineData("\"+42\"", 42L)]
    [InlineData("\"007\"", 7L)]
    public void INT64_accepts_a_decimal_string_or_a_json_integer_over_the_full_range(string json, long expected)
    {
        var bytes = Decode("INT64", json)!;

        Assert.Equal(expected, BinaryPrimitives.ReadInt64LittleEndian(bytes));
        var written = Write("INT64", bytes);
        Assert.Equal($"\"{expected.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"", written);
        Assert.Equal(bytes, Decode("INT64", written));
    }

    [Theory]
    [InlineData("1.25", 1.25)]
    [InlineData("-0.0", -0.0)]
    [InlineData("0", 0.0)]
    [InlineData("1.7976931348623157E+308", double.MaxValue)]
    [InlineData("-1.7976931348623157E+308", double.MinValue)]
    [InlineData("5E-324", double.Epsilon)]
    [InlineData("\"NaN\"", double.NaN)]
    [InlineData("\"Infinity\"", double.PositiveInfinity)]
    [InlineData("\"-Infinity\"", double.NegativeInfinity)]
    public void DOUBLE_accepts_a_number_or_the_three_special_strings_and_round_trips_bit_for_bit(string json, double expected)
    {
        var bytes = Decode("DOUBLE", json)!;

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BinaryPrimitives.ReadInt64LittleEndian(bytes));
        Assert.Equal(bytes, Decode("DOUBLE", Write("DOUBLE", bytes)));
    }

    [Theory]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("-1e400", double.NegativeInfinity)]
    [InlineData("1e-400", 0.0)]
    public void DOUBLE_numbers_beyond_binary64_round_like_javascript_json_parse(string json, double expected)
    {
        // The nearest binary64 value, as JSON.parse gives it: no error for a valid JSON number.
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BinaryPrimitives.ReadInt64LittleEndian(Decode("DOUBLE", json)!));
    }

    [Fact]
    public void DOUBLE_special_values_are_written_as_the_documented_strings()
    {
        Assert.Equal("\"NaN\"", Write("DOUBLE", DoubleBytes(double.NaN)));
        Assert.Equal("\"Infinity\"", Write("DOUBLE", DoubleBytes(double.PositiveInfinity)));
        Assert.Equal("\"-Infinity\"", Write("DOUBLE", DoubleBytes(double.NegativeInfinity)));
        Assert.Equal("1.25", Write("DOUBLE", DoubleBytes(1.25)));
    }

    [Theory]
    [InlineData("\"AAEC\"", "000102")]
    [InlineData("\"\"", "")]
    [InlineData("\"/w==\"", "FF")]
    [InlineData("\"AAE=\"", "0001")]
    public void BINARY_is_base64_with_padding(string json, string hex)
    {
        var bytes = Decode("BINARY", json)!;

        Assert.Equal(hex, Convert.ToHexString(bytes));
        Assert.Equal(json, Write("BINARY", bytes));
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("STRING")]
    [InlineData("INT64")]
    [InlineData("DOUBLE")]
    [InlineData("BINARY")]
    public void TOP_13_null_is_no_value_for_every_type(string type)
    {
        Assert.Null(Decode(type, "null"));
    }

    [Theory]
    [InlineData("JSON", "{\"bid\":1.1}")]
    [InlineData("JSON", "1")]
    [InlineData("STRING", "1")]
    [InlineData("STRING", "true")]
    [InlineData("STRING", "[\"a\"]")]
    [InlineData("INT64", "\"9223372036854775808\"")]
    [InlineData("INT64", "\"-9223372036854775809\"")]
    [InlineData("INT64", "9223372036854775808")]
    [InlineData("INT64", "1.5")]
    [InlineData("INT64", "1e3")]
    [InlineData("INT64", "\"1.5\"")]
    [InlineData("INT64", "\"\"")]
    [InlineData("INT64", "\" 1\"")]
    [InlineData("INT64", "\"1 \"")]
    [InlineData("INT64", "\"0x10\"")]
    [InlineData("INT64", "\"1,000\"")]
    [InlineData("INT64", "true")]
    [InlineData("INT64", "{}")]
    [InlineData("DOUBLE", "\"1.25\"")]
    [InlineData("DOUBLE", "\"nan\"")]
    [InlineData("DOUBLE", "\"inf\"")]
    [InlineData("DOUBLE", "\"+Infinity\"")]
    [InlineData("DOUBLE", "\"\"")]
    [InlineData("DOUBLE", "false")]
    [InlineData("DOUBLE", "[1.0]")]
    [InlineData("BINARY", "\"AAE\"")]
    [InlineData("BINARY", "\"A\"")]
    [InlineData("BINARY", "\"AA-_\"")]
    [InlineData("BINARY", "\"AA==AA==\"")]
    [InlineData("BINARY", "\"!!!!\"")]
    [InlineData("BINARY", "[0,1,2]")]
    [InlineData("BINARY", "12")]
    public void Any_other_form_is_INVALID_VALUE_saying_what_is_expected(string type, string json)
    {
        var exception = ErrorAssert.Throws(ErrorCode.InvalidValue, () => Decode(type, json));

        Assert.Equal("WRONG_FORM", exception.Text("reason"));
        Assert.Contains(type, exception.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(exception.Text("expected")));
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("STRING")]
    [InlineData("INT64")]
    [InlineData("DOUBLE")]
    [InlineData("BINARY")]
    public void A_string_with_an_unpaired_surrogate_is_INVALID_VALUE_for_every_type(string type)
    {
        ErrorAssert.Throws(ErrorCode.InvalidValue, () => Decode(type, "\"12\\ud800\""));
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("STRING")]
    [InlineData("INT64")]
    [InlineData("DOUBLE")]
    [InlineData("BINARY")]
    public void A_string_with_invalid_utf8_is_INVALID_VALUE_for_every_type(string type)
    {
        byte[] json = [.. "\"1"u8, 0xED, 0xA0, 0x80, .. "\""u8];

        ErrorAssert.Throws(ErrorCode.InvalidValue, () => Decode(type, json));
    }

    [Fact]
    public void TIME_SERIES_values_are_UNSUPPORTED()
    {
        var exception = ErrorAssert.Throws(ErrorCode.Unsupported, () => Decode("TIME_SERIES", "\"x\""));

        Assert.Equal("TIME_SERIES", exception.Text("feature"));
    }

    private static byte[]? Decode(string type, string json) => Decode(type, Encoding.UTF8.GetBytes(json));

    private static byte[]? Decode(string type, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return ValueJson.Decode(TopicTypes.Parse(type), document.RootElement);
    }

    private static string Write(string type, byte[] bytes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ValueJson.Write(writer, TopicTypes.Parse(type), bytes);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static byte[] DoubleBytes(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return bytes;
    }
}
