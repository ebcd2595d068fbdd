using Topiary.Topics;
using Topiary.Views;

namespace Topiary.Tests.Grains.Views;

/// <summary>The conversion table of VIEW-48, row by row.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ValueConverterTests
{
    [Theory]
    [InlineData("17", TopicType.Int64, "17")]
    [InlineData("-17", TopicType.Int64, "-17")]
    [InlineData("+17", TopicType.Int64, "17")]
    [InlineData("1.5", TopicType.Int64, null)]
    [InlineData(" 7", TopicType.Int64, null)]
    [InlineData("abc", TopicType.Int64, null)]
    [InlineData("", TopicType.Int64, null)]
    [InlineData("99999999999999999999", TopicType.Int64, null)]
    [InlineData("1e3", TopicType.Double, "1000")]
    [InlineData(".5", TopicType.Double, "0.5")]
    [InlineData("2.", TopicType.Double, "2")]
    [InlineData("-2.5E-1", TopicType.Double, "-0.25")]
    [InlineData("1e999", TopicType.Double, null)]
    [InlineData("NaN", TopicType.Double, null)]
    [InlineData("x", TopicType.Json, "\"x\"")]
    public void VIEW_48_from_string(string text, TopicType to, string? expected) =>
        Assert.Equal(expected, Convert(TopicValues.Encode(text), to));

    [Theory]
    [InlineData(2.5, TopicType.String, "2.5")]
    [InlineData(123.0, TopicType.String, "123")]
    [InlineData(1e21, TopicType.String, "1E+21")]
    [InlineData(double.NaN, TopicType.String, "NaN")]
    [InlineData(double.PositiveInfinity, TopicType.String, "Infinity")]
    [InlineData(double.NegativeInfinity, TopicType.String, "-Infinity")]
    [InlineData(12.51, TopicType.Int64, "13")]
    [InlineData(12.5, TopicType.Int64, "13")]
    [InlineData(-2.5, TopicType.Int64, "-3")]
    [InlineData(0.5, TopicType.Int64, "1")]
    [InlineData(double.NaN, TopicType.Int64, null)]
    [InlineData(1e19, TopicType.Int64, null)]
    [InlineData(2.25, TopicType.Json, "2.25")]
    [InlineData(double.PositiveInfinity, TopicType.Json, null)]
    public void VIEW_48_from_double(double number, TopicType to, string? expected) =>
        Assert.Equal(expected, Convert(TopicValues.Encode(number), to));

    [Theory]
    [InlineData(123L, TopicType.String, "123")]
    [InlineData(123L, TopicType.Double, "123")]
    [InlineData(-5L, TopicType.Json, "-5")]
    public void VIEW_48_from_int64(long number, TopicType to, string? expected) =>
        Assert.Equal(expected, Convert(TopicValues.Encode(number), to));

    [Theory]
    [InlineData("\"17\"", TopicType.Int64, "17")]
    [InlineData("17", TopicType.String, "17")]
    [InlineData("12.5", TopicType.Int64, "13")]
    [InlineData("true", TopicType.String, "true")]
    [InlineData("false", TopicType.Int64, null)]
    [InlineData("null", TopicType.String, null)]
    [InlineData("{}", TopicType.String, null)]
    [InlineData("[1]", TopicType.Double, null)]
    [InlineData("\"é\"", TopicType.String, "é")]
    public void VIEW_48_from_json(string json, TopicType to, string? expected) =>
        Assert.Equal(expected, Convert(TopicValues.EncodeJson(json), to));

    [Theory]
    [InlineData(TopicType.Binary, TopicType.String, false)]
    [InlineData(TopicType.String, TopicType.Binary, false)]
    [InlineData(TopicType.Binary, TopicType.Binary, true)]
    [InlineData(TopicType.Json, TopicType.TimeSeries, false)]
    [InlineData(TopicType.Int64, TopicType.Json, true)]
    public void VIEW_48_unsupported_pairs_are_not_processed(TopicType from, TopicType to, bool supported) =>
        Assert.Equal(supported, ValueConverter.IsSupported(from, to));

    private static string? Convert(TopicValue value, TopicType to)
    {
        if (!ValueConverter.TryConvert(value, to, out var result))
        {
            return null;
        }
        Assert.Equal(to, result.Type);
        return TopicTable.Render(result);
    }
}
