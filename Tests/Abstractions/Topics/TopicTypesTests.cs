using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Tests.Abstractions.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class TopicTypesTests
{
    [Theory]
    [InlineData(TopicType.Json, "JSON")]
    [InlineData(TopicType.String, "STRING")]
    [InlineData(TopicType.Int64, "INT64")]
    [InlineData(TopicType.Double, "DOUBLE")]
    [InlineData(TopicType.Binary, "BINARY")]
    [InlineData(TopicType.TimeSeries, "TIME_SERIES")]
    public void TOP_10_wire_names_are_upper_case_and_parse_back(TopicType type, string wireName)
    {
        Assert.Equal(wireName, type.WireName());
        Assert.Equal(type, TopicTypes.Parse(wireName));
    }

    [Theory]
    [InlineData("json", TopicType.Json)]
    [InlineData("String", TopicType.String)]
    [InlineData("iNt64", TopicType.Int64)]
    [InlineData("double", TopicType.Double)]
    [InlineData("Binary", TopicType.Binary)]
    [InlineData("time_series", TopicType.TimeSeries)]
    public void TOP_10_type_names_are_compared_case_insensitively_on_input(string name, TopicType expected) =>
        Assert.Equal(expected, TopicTypes.Parse(name));

    [Theory]
    [InlineData("")]
    [InlineData("TEXT")]
    [InlineData(" JSON")]
    [InlineData("JSON ")]
    [InlineData("TIMESERIES")]
    [InlineData("RECORD_V2")]
    [InlineData("İNT64")] // Turkish dotted capital I is not ASCII case folding of 'I'.
    public void TOP_10_unknown_type_names_fail_with_the_allowed_list(string name)
    {
        var error = ErrorAssert.InvalidSpecification("TYPE", name, () => TopicTypes.Parse(name));
        Assert.Equal(["JSON", "STRING", "INT64", "DOUBLE", "BINARY", "TIME_SERIES"], error.Allowed());
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TOP_10_a_null_type_name_fails_with_INVALID_SPECIFICATION() =>
        ErrorAssert.InvalidSpecification("TYPE", null, () => TopicTypes.Parse(null!));

    [Fact]
    public void An_undefined_enum_value_has_no_wire_name() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((TopicType)42).WireName());

    [Fact]
    public void All_wire_names_follow_enum_order() =>
        Assert.Equal(Enum.GetValues<TopicType>().Select(t => t.WireName()), TopicTypes.AllWireNames);
}
