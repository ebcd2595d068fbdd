using Topiary.Errors;
using Topiary.Topics.Removal;

namespace Topiary.Tests.Abstractions.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class RemovalExpressionTests
{
    private static readonly DateTimeOffset NewYear2026 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June3 = new(2025, 6, 3, 11, 5, 30, TimeSpan.Zero);

    public static TheoryData<string, RemovalPolicy> Examples() => new()
    {
        // Every example of spec/updating.md UPD-86 (also in docs/topics.md).
        { "when time after 1767225600000", new(new TimeAfterCondition(NewYear2026), null) },
        { "when time after 'Tue, 3 Jun 2025 11:05:30 GMT' remove '*alpha/beta//'", new(new TimeAfterCondition(June3), "*alpha/beta//") },
        { "when subscriptions < 1 for 20m", new(new SubscriptionsCondition(false, 1, Minutes(20), null), null) },
        { "when local subscriptions < 2 for 20m after 1h", new(new SubscriptionsCondition(true, 2, Minutes(20), Hours(1)), null) },
        { "when no updates for 15m after 1d", new(new NoUpdatesCondition(Minutes(15), TimeSpan.FromDays(1)), null) },
        { "when this session closes", new(new ThisSessionClosesCondition(), null) },
        { "when no session has '$Principal is \"alice\"' for 5m", new(new NoSessionCondition(false, "$Principal is \"alice\"", Minutes(5), null), null) },
        {
            "when time after 1767225600000 and (subscriptions < 2 for 10m after 1h or no updates for 20m)",
            new(new AndCondition(
                new TimeAfterCondition(NewYear2026),
                new OrCondition(new SubscriptionsCondition(false, 2, Minutes(10), Hours(1)), new NoUpdatesCondition(Minutes(20), null))), null)
        },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void UPD_86_examples_parse_to_their_condition_trees(string text, RemovalPolicy expected)
    {
        Assert.Equal(expected, RemovalExpression.Parse(text));
        RemovalExpression.Validate(text);
    }

    [Fact]
    public void UPD_80_keywords_ignore_case() =>
        Assert.Equal(
            RemovalExpression.Parse("when no local session has 'all' for 1m after 2h remove '>a'"),
            RemovalExpression.Parse("WHEN No LOCAL Session HAS 'all' FOR 1M AFTER 2H REMOVE '>a'"));

    [Fact]
    public void UPD_80_and_binds_tighter_than_or()
    {
        var policy = RemovalExpression.Parse("when this session closes or no updates for 1m and time after 5");
        Assert.Equal(
            new OrCondition(
                new ThisSessionClosesCondition(),
                new AndCondition(new NoUpdatesCondition(Minutes(1), null), new TimeAfterCondition(DateTimeOffset.FromUnixTimeMilliseconds(5)))),
            policy.Condition);
    }

    [Fact]
    public void UPD_80_parentheses_group_and_chains_associate_to_the_left()
    {
        var a = new ThisSessionClosesCondition();
        var b = new NoSessionCondition(false, "x", null, null);
        var c = new NoSessionCondition(true, "y", null, null);
        Assert.Equal(
            new AndCondition(new AndCondition(a, b), c),
            RemovalExpression.Parse("when this session closes and no session has 'x' and no local session has 'y'").Condition);
        Assert.Equal(
            new AndCondition(a, new OrCondition(b, c)),
            RemovalExpression.Parse("when this session closes and(no session has 'x' or no local session has 'y')").Condition);
        Assert.Equal(
            a,
            RemovalExpression.Parse("when ((((this session closes))))").Condition);
    }

    [Fact]
    public void UPD_80_session_conditions_may_repeat() =>
        Assert.Equal(
            new OrCondition(new OrCondition(new ThisSessionClosesCondition(), new ThisSessionClosesCondition()), new NoSessionCondition(false, "a", null, Hours(1))),
            RemovalExpression.Parse("when this session closes or this session closes or no session has 'a' after 1h").Condition);

    [Theory]
    [InlineData("when no session has 'Department is \\'Accounts\\''", "Department is 'Accounts'")]
    [InlineData("when no session has \"Department is \\\"Accounts\\\"\"", "Department is \"Accounts\"")]
    [InlineData("when no session has \"Department is 'Accounts'\"", "Department is 'Accounts'")]
    [InlineData("when no session has 'a\\\\b'", "a\\b")]
    [InlineData("when no session has '(x)<y'", "(x)<y")]
    public void UPD_80_inside_quotes_a_backslash_escapes_the_next_character(string text, string filter) =>
        Assert.Equal(filter, Assert.IsType<NoSessionCondition>(RemovalExpression.Parse(text).Condition).Filter);

    [Theory]
    [InlineData("1s", 1)]
    [InlineData("59S", 59)]
    [InlineData("10m", 600)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("365d", 31_536_000)]
    [InlineData("8760h", 31_536_000)]
    [InlineData("525600m", 31_536_000)]
    [InlineData("31536000s", 31_536_000)]
    [InlineData("007m", 420)]
    public void UPD_80_periods_run_from_1s_to_365d(string period, long seconds) =>
        Assert.Equal(
            new NoUpdatesCondition(TimeSpan.FromSeconds(seconds), null),
            RemovalExpression.Parse($"when no updates for {period}").Condition);

    [Theory]
    [InlineData("'Tue, 3 Jun 2025 11:05:30 GMT'")]
    [InlineData("\"Tue, 03 Jun 2025 11:05:30 GMT\"")]
    [InlineData("'tue, 3 jun 2025 11:05:30 gmt'")]
    [InlineData("'3 Jun 2025 11:05:30 UT'")]
    [InlineData("'Tue, 3 Jun 2025 11:05:30 UTC'")]
    [InlineData("'Tue, 3 Jun 2025 11:05:30 Z'")]
    [InlineData("'Tue, 3 Jun 2025 13:05:30 +0200'")]
    [InlineData("'Tue, 3 Jun 2025 07:05:30 EDT'")]
    [InlineData("'Tue, 3 Jun 2025 03:05:30 -0800'")]
    [InlineData("1748948730000")]
    public void UPD_80_time_after_takes_epoch_milliseconds_or_an_RFC_1123_date(string time) =>
        Assert.Equal(new TimeAfterCondition(June3), RemovalExpression.Parse($"when time after {time}").Condition);

    [Fact]
    public void UPD_80_minute_precision_dates_are_accepted() =>
        Assert.Equal(
            new TimeAfterCondition(new DateTimeOffset(2025, 6, 3, 11, 5, 0, TimeSpan.Zero)),
            RemovalExpression.Parse("when time after '3 Jun 2025 11:05 GMT'").Condition);

    [Fact]
    public void UPD_80_remove_takes_a_selector_in_either_quote() =>
        Assert.Equal("?a//", RemovalExpression.Parse("when this session closes remove \"?a//\"").RemoveSelector);

    [Fact]
    public void UPD_80_tokens_need_no_spaces_around_parentheses_and_less_than() =>
        Assert.Equal(
            new SubscriptionsCondition(false, 3, Minutes(1), null),
            RemovalExpression.Parse("when(subscriptions<3 for 1m)").Condition);

    [Fact]
    public void UPD_80_64_nested_parentheses_are_accepted() =>
        RemovalExpression.Validate("when " + new string('(', 64) + "this session closes" + new string(')', 64));

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 3)]
    [InlineData("if this session closes", 0)]
    [InlineData("when", 4)]
    [InlineData("when  ", 6)]
    [InlineData("when time before 5", 10)]
    [InlineData("when time after", 15)]
    [InlineData("when time after soon", 16)]
    [InlineData("when time after -5", 16)]
    [InlineData("when time after 99999999999999999", 16)]
    [InlineData("when time after 'bogus'", 16)]
    [InlineData("when time after 'Wed, 3 Jun 2025 11:05:30 GMT'", 16)]
    [InlineData("when time after '3 Jun 2025 11:05:30'", 16)]
    [InlineData("when time after '3 Jun 2025 11:05:30 XYZ'", 16)]
    [InlineData("when time after '3 Jun 2025 11:05:30 +2400'", 16)]
    [InlineData("when time after '3 Jun 25 11:05:30 GMT'", 16)]
    [InlineData("when time after 5 and time after 6", 22)]
    [InlineData("when subscriptions 1 for 1m", 19)]
    [InlineData("when subscriptions < 0 for 1m", 21)]
    [InlineData("when subscriptions < 2147483648 for 1m", 21)]
    [InlineData("when subscriptions < x for 1m", 21)]
    [InlineData("when subscriptions < 1 1m", 23)]
    [InlineData("when subscriptions < 1 for 1x", 28)]
    [InlineData("when subscriptions < 1 for 10", 29)]
    [InlineData("when subscriptions < 1 for m", 27)]
    [InlineData("when subscriptions < 1 for 1mm", 28)]
    [InlineData("when subscriptions < 1 for 10 m", 29)]
    [InlineData("when subscriptions < 1 for 0s", 27)]
    [InlineData("when subscriptions < 1 for 366d", 27)]
    [InlineData("when subscriptions < 1 for 8761h", 27)]
    [InlineData("when subscriptions < 1 for 99999999999999999999999999d", 27)]
    [InlineData("when subscriptions < 1 for 1m after", 35)]
    [InlineData("when local subscriptions < 1 for 1m or subscriptions < 2 for 1m", 39)]
    [InlineData("when local updates", 11)]
    [InlineData("when no updates", 15)]
    [InlineData("when no updates for 1m and no updates for 2m", 27)]
    [InlineData("when no local updates for 1m", 14)]
    [InlineData("when no sessions has 'a'", 8)]
    [InlineData("when no session 'a'", 16)]
    [InlineData("when no session has a", 20)]
    [InlineData("when no session has ''", 20)]
    [InlineData("when no session has 'a", 20)]
    [InlineData("when no session has 'a\\'", 20)]
    [InlineData("when no session has 'a' for", 27)]
    [InlineData("when this session", 17)]
    [InlineData("when this session ends", 18)]
    [InlineData("when (this session closes", 25)]
    [InlineData("when this session closes)", 24)]
    [InlineData("when ()", 6)]
    [InlineData("when this session closes and", 28)]
    [InlineData("when this session closes or or", 28)]
    [InlineData("when this session closes remove", 31)]
    [InlineData("when this session closes remove ?a//", 32)]
    [InlineData("when this session closes remove ''", 32)]
    [InlineData("when this session closes remove 'a' 'b'", 36)]
    [InlineData("when this session closes remove 'a' and no updates for 1m", 36)]
    [InlineData("when this session closes\u00a0", 18)] // a no-break space is part of the word
    [InlineData("when 'é' this session closes", 5)]
    [InlineData("when no session has 'é' for 0s", 28)]
    public void UPD_80_syntax_errors_carry_the_UTF16_position_inside_the_expression(string text, int position)
    {
        var error = ErrorAssert.InvalidSpecification("REMOVAL", text, () => RemovalExpression.Validate(text));
        Assert.Equal(position, error.Position());
        Assert.NotNull(error.Text("expected"));
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ERR_31_parentheses_nested_deeper_than_64_are_rejected_at_the_65th()
    {
        var text = "when " + new string('(', 65) + "this session closes" + new string(')', 65);
        var error = ErrorAssert.InvalidSpecification("REMOVAL", text, () => RemovalExpression.Validate(text));
        Assert.Equal(5 + 64, error.Position());
    }

    [Fact]
    public void ERR_31_a_hundred_thousand_open_parentheses_fail_without_exhausting_the_stack()
    {
        var text = "when " + new string('(', 100_000);
        ErrorAssert.InvalidSpecification("REMOVAL", text, () => RemovalExpression.Validate(text));
    }

    private static TimeSpan Minutes(int m) => TimeSpan.FromMinutes(m);

    private static TimeSpan Hours(int h) => TimeSpan.FromHours(h);
}
