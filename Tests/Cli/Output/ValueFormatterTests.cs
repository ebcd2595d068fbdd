using System.Text.Json;
using Topiary.Cli.Output;
using Topiary.Topics;

namespace Topiary.Tests.Cli.Output;

/// <summary>How values are printed: one line each, in the notation <c>topics set</c> reads back.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ValueFormatterTests
{
    public static TheoryData<string, string, string> Values() => new()
    {
        // type, value as set, text, JSON
        { "json", "{ \"b\" : 1.10,\n \"a\": [true, null], \"s\": \"é\" }", "{\"b\":1.10,\"a\":[true,null],\"s\":\"é\"}" },
        { "string", "tab\there\\ and\nnew line", "tab\\there\\\\ and\\nnew line" },
        { "int64", "-9223372036854775808", "-9223372036854775808" },
        { "double", "0.1", "0.1" },
        { "double", "-Infinity", "-Infinity" },
        { "binary", "AP8H", "AP8H" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Text_is_one_line_in_the_notation_set_reads(string type, string input, string text)
    {
        var value = Parse(type, input);

        Assert.Equal(text, ValueFormatter.ToText(value));
        Assert.DoesNotContain('\n', ValueFormatter.ToText(value));
    }

    [Fact]
    public void Json_output_embeds_json_values_and_uses_strings_where_json_has_no_number()
    {
        Assert.Equal("{\"b\":1.10}", Json(Parse("json", "{ \"b\": 1.10 }")));
        Assert.Equal("\"a\\tb\"", Json(Parse("string", "a\tb")));
        Assert.Equal("9223372036854775807", Json(Parse("int64", "9223372036854775807")));
        Assert.Equal("1.5", Json(Parse("double", "1.5")));
        Assert.Equal("\"NaN\"", Json(Parse("double", "NaN")));
        Assert.Equal("\"AP8H\"", Json(Parse("binary", "AP8H")));
        Assert.Equal("null", Json(TopicValue.NoValue(TopicType.Int64)));
    }

    [Fact]
    public void No_value_is_empty_text() => Assert.Equal("", ValueFormatter.ToText(TopicValue.NoValue(TopicType.String)));

    private static TopicValue Parse(string type, string text) =>
        Topiary.Cli.Values.ValueParser.ParseValue(text, Topiary.Cli.Values.ValueParser.ParseType(type, Topiary.Cli.Commands.TopicOptions.Type), Topiary.Cli.Commands.TopicArguments.Value);

    private static string Json(TopicValue value) => OutputWriter.Compact(writer => ValueFormatter.WriteJson(writer, value));
}
