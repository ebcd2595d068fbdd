using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Tests.Abstractions.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class RangeExpressionTests
{
    public static TheoryData<string, int?, long?> ValidExpressions() => new()
    {
        // The examples of TOP-23 and docs/topics.md.
        { "limit 5", 5, null },
        { "last 10s", null, 10_000 },
        { "LAST 10S LIMIT 5", 5, 10_000 },
        { "last 250ms", null, 250 },
        { "last 2h limit 100", 100, 7_200_000 },
        { "limit 0", 0, null },
        { "Limit 10000", 10_000, null },
        { "  limit 5  ", 5, null },
        { "limit\t5\nlast\r\n1s", 5, 1000 },
        { "last 0ms", null, 0 },
        { "last 0010s", null, 10_000 },
        { "limit 2147483647", int.MaxValue, null },
        { "last 256204778h", null, 256_204_778L * 3_600_000 },
    };

    [Theory]
    [MemberData(nameof(ValidExpressions))]
    public void TOP_23_parses_one_or_two_constraints_case_insensitively(string text, int? limit, long? lastMilliseconds)
    {
        var range = RangeExpression.Parse(text);
        Assert.Equal(limit, range.Limit);
        Assert.Equal(lastMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null, range.Last);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 3)]
    [InlineData("limit", 5)]
    [InlineData("limit ", 6)]
    [InlineData("limit x", 6)]
    [InlineData("limit 5x", 7)]
    [InlineData("limit -1", 6)]
    [InlineData("limit 1.5", 7)]
    [InlineData("limit5", 0)]
    [InlineData("limits 5", 0)]
    [InlineData("first 5", 0)]
    [InlineData("last", 4)]
    [InlineData("last s", 5)]
    [InlineData("last 10", 7)]
    [InlineData("last 10 s", 7)]
    [InlineData("last 10m", 7)]
    [InlineData("last 10sec", 7)]
    [InlineData("last 1d", 6)]
    [InlineData("last -1s", 5)]
    [InlineData("limit 5 limit 6", 8)]
    [InlineData("last 1s LAST 2s", 8)]
    [InlineData("limit 5 last 1s limit 3", 16)]
    [InlineData("limit 5 and last 1s", 8)]
    [InlineData("limit 5,", 7)]
    [InlineData("limit 2147483648", 6)]
    [InlineData("limit 99999999999999999999999", 6)]
    [InlineData("last 256204779h", 5)]
    [InlineData("last 99999999999999999999999999ms", 5)]
    [InlineData("limit\u00a05", 0)] // a no-break space is not whitespace here
    [InlineData("limit é", 6)]
    [InlineData("é limit 5", 0)]
    [InlineData("last 1s é", 8)]
    public void TOP_23_errors_carry_the_UTF16_position_of_the_problem(string text, int position)
    {
        var error = ErrorAssert.Throws(ErrorCode.InvalidSpecification, () => RangeExpression.Parse(text));
        Assert.Equal(position, error.Position());
        Assert.Equal(text, error.Text("value"));
        Assert.NotNull(error.Text("expected"));
        Assert.Contains("limit <count>", error.Allowed());
        Assert.Null(error.Details()["property"]);
    }

    [Fact]
    public void Parse_names_the_property_when_given()
    {
        var error = ErrorAssert.Throws(ErrorCode.InvalidSpecification, () => RangeExpression.Parse("limit x", "TIME_SERIES_RETAINED_RANGE"));
        Assert.Equal("TIME_SERIES_RETAINED_RANGE", error.Text("property"));
        Assert.Contains("TIME_SERIES_RETAINED_RANGE", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit 5", "limit 5")]
    [InlineData("LAST 10S LIMIT 5", "limit 5 last 10s")]
    [InlineData("last 3600000ms", "last 1h")]
    [InlineData("last 7200s", "last 2h")]
    [InlineData("last 1500ms", "last 1500ms")]
    [InlineData("last 90s", "last 90s")]
    [InlineData("last 0h", "last 0s")]
    public void ToString_is_canonical_and_parses_back_to_an_equal_range(string text, string canonical)
    {
        var range = RangeExpression.Parse(text);
        Assert.Equal(canonical, range.ToString());
        Assert.Equal(range, RangeExpression.Parse(canonical));
    }

    [Fact]
    public void Ranges_written_differently_are_equal() =>
        Assert.Equal(RangeExpression.Parse("last 1h"), RangeExpression.Parse("LAST 3600S"));

    [Fact]
    public void A_range_needs_a_constraint_and_no_negative_values()
    {
        Assert.Throws<ArgumentException>(() => new RangeExpression(null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RangeExpression(-1, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RangeExpression(null, TimeSpan.FromMilliseconds(-1)));
    }

    [Theory]
    [InlineData("limit 3", new long[] { 1, 2, 3, 4, 5 }, 3)]
    [InlineData("limit 10", new long[] { 1, 2, 3 }, 3)]
    [InlineData("limit 0", new long[] { 1, 2, 3 }, 0)]
    [InlineData("limit 3", new long[0], 0)]
    [InlineData("last 10s", new long[0], 0)]
    [InlineData("last 10s", new long[] { 0, 5_000, 12_000, 15_000 }, 3)]
    [InlineData("last 10s", new long[] { 4_999, 15_000 }, 1)]
    [InlineData("last 0ms", new long[] { 1, 2, 3 }, 1)]
    [InlineData("last 0ms", new long[] { 5, 5, 5 }, 3)]
    [InlineData("last 10s limit 2", new long[] { 0, 5_000, 12_000, 15_000 }, 2)]
    [InlineData("last 4s limit 3", new long[] { 0, 5_000, 12_000, 15_000 }, 2)]
    [InlineData("last 10s", new long[] { 0, 20_000, 6_000, 15_000 }, 3)]
    [InlineData("last 10s", new long[] { 10_000, 0, 15_000 }, 1)]
    public void TOP_23_Retain_keeps_the_smaller_set_and_always_the_newest_unless_limit_0(string range, long[] timestamps, int kept) =>
        Assert.Equal(kept, RangeExpression.Parse(range).Retain(timestamps));
}
