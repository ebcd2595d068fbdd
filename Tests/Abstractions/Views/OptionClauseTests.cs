using Topiary.Topics;
using Topiary.Views;

namespace Topiary.Tests.Abstractions.Views;

/// <summary>Options (VIEW-21, VIEW-41..VIEW-47): good and bad specifications.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class OptionClauseTests
{
    private const string Map = "map ?a/ to b/<path(1)> ";

    public static TheoryData<string> Good =>
    [
        "map ?a/ to b/<path(1)> with properties CONFLATION:off, COMPRESSION:false",
        Map + "with properties 'CONFLATION':'off'",
        Map + "with properties conflation : Always ,priority:HIGH",
        Map + "with properties HISTORY_RANGE:'limit 10'",
        Map + "with properties PUBLISH_VALUES_ONLY:true, DONT_RETAIN_VALUE:false, TIDY_ON_UNSUBSCRIBE:true",
        Map + "with properties TIME_SERIES_SUBSCRIPTION_RANGE:'limit 5'",
        "map ?accounts/ to balances/<scalar(/account)> as <value(/balance)>",
        Map + "as <value()>",
        Map + "as <value(/a b)>",
        Map + "as <value( /x)>",
        Map + "throttle to 2 updates every 5 seconds",
        Map + "throttle to 1 update every second",
        Map + "throttle to 1 updates every minute",
        Map + "throttle to 1000000 updates every hour",
        Map + "throttle to 3 updates every 24 hours",
        Map + "throttle to 3 updates every 90 minutes",
        Map + "delay by 10 seconds",
        Map + "delay by 1 second",
        Map + "delay by 168 hours",
        Map + "delay by 5 minute",
        "map ?dir/ to files/<scalar(/path)> separator '%'",
        Map + "separator \"a/b\"",
        Map + "separator '\\''",
        Map + "preserve topics",
        Map + "type STRING",
        Map + "type int64",
        Map + "type Double",
        Map + "type JSON",
        Map + "type BINARY",
        Map + "type time_series",
        Map + "type STRING delay by 1 minute throttle to 1 update every 2 seconds preserve topics separator '_' as <value()> with properties PRIORITY:low",
        Map + "process {continue} type JSON",
    ];

    public static TheoryData<string, string, string> Bad => new()
    {
        { Map + "throttle to 0 updates every 5 seconds", "INVALID_THROTTLE", "0" },
        { Map + "throttle to 1000001 updates every 5 seconds", "INVALID_THROTTLE", "1000001" },
        { Map + "throttle to x updates every 5 seconds", "INVALID_THROTTLE", "x" },
        { Map + "throttle to -1 updates every 5 seconds", "INVALID_THROTTLE", "-1" },
        { Map + "throttle to 2 updates every 5 days", "INVALID_THROTTLE", "days" },
        { Map + "throttle to 2 updates every 0 seconds", "INVALID_THROTTLE", "0 seconds" },
        { Map + "throttle to 2 updates every 25 hours", "INVALID_THROTTLE", "25" },
        { Map + "throttle to 2 updates every 99999999999999999999 hours", "INVALID_THROTTLE", "999" },
        { Map + "throttle to 2 updates every fortnight", "INVALID_THROTTLE", "fortnight" },
        { Map + "throttle to 2 updates every", "SYNTAX_ERROR", "" },
        { Map + "throttle to 2 changes every 5 seconds", "SYNTAX_ERROR", "changes" },
        { Map + "throttle 2 updates every 5 seconds", "SYNTAX_ERROR", "2" },
        { Map + "delay by 5 minutes delay by 1 minute", "DUPLICATE_OPTION", "delay by 1" },
        { Map + "delay by 0 seconds", "INVALID_DELAY", "0" },
        { Map + "delay by 169 hours", "INVALID_DELAY", "169" },
        { Map + "delay by 5 weeks", "INVALID_DELAY", "weeks" },
        { Map + "delay by five seconds", "INVALID_DELAY", "five" },
        { Map + "delay 5 seconds", "SYNTAX_ERROR", "5" },
        { Map + "delay by 5", "SYNTAX_ERROR", "" },
        { "map ?a/ to b with properties OWNER:x", "PROPERTY_NOT_MAPPABLE", "OWNER" },
        { Map + "with properties PERSISTENT:true", "PROPERTY_NOT_MAPPABLE", "PERSISTENT" },
        { Map + "with properties REMOVAL:'when no topics'", "PROPERTY_NOT_MAPPABLE", "REMOVAL" },
        { Map + "with properties VALIDATE_VALUES:true", "PROPERTY_NOT_MAPPABLE", "VALIDATE_VALUES" },
        { Map + "with properties SCHEMA:x", "PROPERTY_NOT_MAPPABLE", "SCHEMA" },
        { Map + "with properties FOO:1", "UNKNOWN_PROPERTY", "FOO" },
        { Map + "with properties CONFLATION:sometimes", "INVALID_PROPERTY_VALUE", "sometimes" },
        { Map + "with properties HISTORY_RANGE:'limit 999999'", "INVALID_PROPERTY_VALUE", "'limit" },
        { Map + "with properties CONFLATION:off, CONFLATION:off", "DUPLICATE_OPTION", ", |CONFLATION" },
        { Map + "with properties CONFLATION off", "SYNTAX_ERROR", "off" },
        { Map + "with properties", "SYNTAX_ERROR", "" },
        { Map + "with CONFLATION:off", "SYNTAX_ERROR", "CONFLATION" },
        { Map + "with properties CONFLATION:", "SYNTAX_ERROR", "" },
        { Map + "with properties CONFLATION:off,", "SYNTAX_ERROR", "" },
        { Map + "as <scalar(/x)>", "UNKNOWN_DIRECTIVE", "<scalar" },
        { Map + "as /x", "SYNTAX_ERROR", "/x" },
        { Map + "as <value(x)>", "INVALID_POINTER", "x)" },
        { Map + "as <value(/x)>y", "SYNTAX_ERROR", "y" },
        { Map + "as <value(/x)", "UNTERMINATED", "" },
        { Map + "as <value(/x)> as <value(/y)>", "DUPLICATE_OPTION", "as <value(/y" },
        { Map + "separator '//'", "INVALID_SEPARATOR", "'//'" },
        { Map + "separator ''", "INVALID_SEPARATOR", "''" },
        { Map + "separator '/x'", "INVALID_SEPARATOR", "'/x'" },
        { Map + "separator 'x/'", "INVALID_SEPARATOR", "'x/'" },
        { Map + "separator '\t'", "INVALID_SEPARATOR", "'\t'" },
        { Map + "separator %", "SYNTAX_ERROR", "%" },
        { Map + "preserve", "SYNTAX_ERROR", "" },
        { Map + "preserve topic", "SYNTAX_ERROR", "topic" },
        { Map + "preserve topics preserve topics", "DUPLICATE_OPTION", "topics |preserve" },
        { Map + "type TEXT", "INVALID_TYPE", "TEXT" },
        { Map + "type", "SYNTAX_ERROR", "" },
        { Map + "type STRING type JSON", "DUPLICATE_OPTION", "type JSON" },
        { Map + "Type STRING", "SYNTAX_ERROR", "Type" },
        { Map + "frobnicate", "SYNTAX_ERROR", "frobnicate" },
        { Map + "{}", "SYNTAX_ERROR", "{}" },
        { Map + "preserve topicsx", "SYNTAX_ERROR", "topicsx" },
    };

    [Theory]
    [MemberData(nameof(Good))]
    public void VIEW_27_options_parse_and_round_trip(string text) => ViewAssert.Valid(text);

    [Theory]
    [MemberData(nameof(Bad))]
    public void VIEW_95_bad_option_reports_reason_and_position(string text, string reason, string at) =>
        ViewAssert.InvalidAt(text, reason, at);

    [Fact]
    public void VIEW_41_to_VIEW_47_option_values_are_kept_canonically()
    {
        var options = ViewSpecification.Parse(
            Map + "with properties conflation:OFF, compression:true throttle to 2 updates every 90 seconds delay by 2 hours separator '%' preserve topics type int64 as <value(/v)>").Options;
        Assert.Equal([new("CONFLATION", "off"), new("COMPRESSION", "true")], options.Properties!);
        Assert.Equal(new ThrottleOption(2, TimeSpan.FromSeconds(90)), options.Throttle);
        Assert.Equal(TimeSpan.FromHours(2), options.Delay);
        Assert.Equal("%", options.Separator);
        Assert.True(options.PreserveTopics);
        Assert.Equal(TopicType.Int64, options.Type);
        Assert.Equal(["v"], options.ValuePointer!.Tokens);
    }

    [Fact]
    public void VIEW_95_message_begins_with_the_reason_and_names_the_position()
    {
        var error = ViewAssert.InvalidAt(Map + "throttle to 0 updates every 5 seconds", "INVALID_THROTTLE", "0");
        Assert.StartsWith("INVALID_VIEW_SPECIFICATION: INVALID_THROTTLE: count must be a positive integer", error.Message, StringComparison.Ordinal);
        Assert.Contains("at line 1, column 36", error.Message, StringComparison.Ordinal);
        Assert.Equal("0", error.Error.Details!["token"]!.GetValue<string>());
    }

    [Fact]
    public void VIEW_95_too_long_specification_is_rejected()
    {
        var text = Map + "separator '" + new string('x', ViewSpecification.MaxBytes) + "'";
        ViewAssert.Invalid(text, "SPEC_TOO_LONG");
    }
}
