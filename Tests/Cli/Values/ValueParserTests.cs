using Topiary.Cli.Commands;
using Topiary.Cli.Parsing;
using Topiary.Cli.Values;
using Topiary.Client.Topics;
using Topiary.Topics;

namespace Topiary.Tests.Cli.Values;

/// <summary>Values and types as written on the command line (docs/cli.md "Values").</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ValueParserTests
{
    private static readonly ArgumentSpec Value = TopicArguments.Value;

    [Fact]
    public void Each_type_reads_its_notation_exactly()
    {
        Assert.Equal(" { \"b\":1.10 } ", ValueParser.ParseValue(" { \"b\":1.10 } ", TopicType.Json, Value).AsJson()!.Value.Text);
        Assert.Equal("héllo\tworld", ValueParser.ParseValue("héllo\tworld", TopicType.String, Value).AsString());
        Assert.Equal(long.MinValue, ValueParser.ParseValue("-9223372036854775808", TopicType.Int64, Value).AsInt64());
        Assert.Equal(-0.002, ValueParser.ParseValue("-2e-3", TopicType.Double, Value).AsDouble());
        Assert.Equal(double.NegativeInfinity, ValueParser.ParseValue("-Infinity", TopicType.Double, Value).AsDouble());
        Assert.True(double.IsNaN(ValueParser.ParseValue("NaN", TopicType.Double, Value).AsDouble()!.Value));
        Assert.Equal(new byte[] { 0, 255, 7 }, ValueParser.ParseValue("AP8H", TopicType.Binary, Value).AsBinary()!.Value.ToArray());
        Assert.Empty(ValueParser.ParseValue("", TopicType.Binary, Value).AsBinary()!.Value.ToArray());
    }

    [Theory]
    [InlineData(TopicType.Int64, "12.5", "<value>: '12.5' is not an INT64 value; allowed: a whole number from -9223372036854775808 to 9223372036854775807")]
    [InlineData(TopicType.Int64, "9223372036854775808", "<value>: '9223372036854775808' is not an INT64 value; allowed: a whole number from -9223372036854775808 to 9223372036854775807")]
    [InlineData(TopicType.Double, "1,5", "<value>: '1,5' is not a DOUBLE value; allowed: a number such as 1.5, -2e-3, NaN, Infinity or -Infinity")]
    [InlineData(TopicType.Binary, "not base64!", "<value>: 'not base64!' is not a BINARY value; allowed: base64 such as AP8H (bytes 00 FF 07)")]
    public void Bad_values_name_the_argument_and_what_is_allowed(TopicType type, string text, string message)
    {
        var error = Assert.Throws<UsageException>(() => ValueParser.ParseValue(text, type, Value));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Bad_json_reports_the_position_and_shows_valid_examples()
    {
        var error = Assert.Throws<UsageException>(() => ValueParser.ParseValue("{\"a\":}", TopicType.Json, Value));

        Assert.StartsWith("<value>: not a JSON value: INVALID_VALUE: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("position 5", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("allowed: a JSON text such as {\"a\":1}, [1,2], \"text\" or 42", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", TopicType.Json)]
    [InlineData("STRING", TopicType.String)]
    [InlineData("Int64", TopicType.Int64)]
    [InlineData("double", TopicType.Double)]
    [InlineData("binary", TopicType.Binary)]
    public void Types_are_read_in_any_case(string text, TopicType type) =>
        Assert.Equal(type, ValueParser.ParseType(text, TopicOptions.Type));

    [Theory]
    [InlineData("time_series")]
    [InlineData("int")]
    [InlineData("")]
    public void Other_types_are_usage_errors_listing_the_allowed_ones(string text)
    {
        var error = Assert.Throws<UsageException>(() => ValueParser.ParseType(text, TopicOptions.Type));
        Assert.Equal($"--type: '{text}' is not a topic type; allowed: json, string, int64, double, binary", error.Message);
    }
}
