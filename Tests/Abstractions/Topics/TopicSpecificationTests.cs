using Topiary.Errors;
using Topiary.Topics;
using static Topiary.Tests.Abstractions.Topics.SpecificationBuilder;

namespace Topiary.Tests.Abstractions.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class TopicSpecificationTests
{
    private static readonly string[] BooleanKeys =
    [
        TopicProperties.PublishValuesOnly,
        TopicProperties.DontRetainValue,
        TopicProperties.TidyOnUnsubscribe,
        TopicProperties.ValidateValues,
        TopicProperties.Persistent,
    ];

    public static TheoryData<string, string, string> BooleanValues()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var key in BooleanKeys)
        {
            foreach (var (given, canonical) in new[] { ("true", "true"), ("TRUE", "true"), ("True", "true"), ("false", "false"), ("FALSE", "false"), ("fAlSe", "false") })
            {
                data.Add(key, given, canonical);
            }
        }
        return data;
    }

    public static TheoryData<string, string> InvalidBooleanValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in BooleanKeys)
        {
            foreach (var value in new[] { "yes", "1", "0", "", " true", "false ", "tru", "truee", "on" })
            {
                data.Add(key, value);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BooleanValues))]
    public void TOP_20_booleans_accept_true_or_false_in_any_case_and_are_stored_lower_case(string key, string given, string canonical)
    {
        var spec = Spec(TopicType.Json, (key, given));
        Assert.Equal(canonical, spec.Properties[key]);
        Assert.Equal(canonical, spec.GetEffectiveValue(key));
    }

    [Theory]
    [MemberData(nameof(InvalidBooleanValues))]
    public void TOP_20_any_other_boolean_text_fails_naming_property_value_and_allowed(string key, string value)
    {
        var error = ErrorAssert.InvalidSpecification(key, value, () => Spec(TopicType.Json, (key, value)));
        Assert.Equal(["true", "false"], error.Allowed());
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CONFLATION", "off", "off")]
    [InlineData("CONFLATION", "CONFLATE", "conflate")]
    [InlineData("CONFLATION", "Unsubscribe", "unsubscribe")]
    [InlineData("CONFLATION", "ALWAYS", "always")]
    [InlineData("PRIORITY", "LOW", "low")]
    [InlineData("PRIORITY", "Default", "default")]
    [InlineData("PRIORITY", "high", "high")]
    [InlineData("COMPRESSION", "OFF", "off")]
    [InlineData("COMPRESSION", "low", "low")]
    [InlineData("COMPRESSION", "Medium", "medium")]
    [InlineData("COMPRESSION", "HIGH", "high")]
    [InlineData("COMPRESSION", "TRUE", "true")]
    [InlineData("COMPRESSION", "False", "false")]
    [InlineData("TIME_SERIES_EVENT_VALUE_TYPE", "JSON", "json")]
    [InlineData("TIME_SERIES_EVENT_VALUE_TYPE", "String", "string")]
    [InlineData("TIME_SERIES_EVENT_VALUE_TYPE", "int64", "int64")]
    [InlineData("TIME_SERIES_EVENT_VALUE_TYPE", "DOUBLE", "double")]
    [InlineData("TIME_SERIES_EVENT_VALUE_TYPE", "binary", "binary")]
    public void TOP_20_enumerations_are_accepted_in_any_case_and_stored_lower_case(string key, string given, string canonical) =>
        Assert.Equal(canonical, Spec(TopicType.Json, (key, given)).Properties[key]);

    [Theory]
    [InlineData("CONFLATION", "none", new[] { "off", "conflate", "unsubscribe", "always" })]
    [InlineData("CONFLATION", "", new[] { "off", "conflate", "unsubscribe", "always" })]
    [InlineData("PRIORITY", "medium", new[] { "low", "default", "high" })]
    [InlineData("PRIORITY", "normal", new[] { "low", "default", "high" })]
    [InlineData("COMPRESSION", "max", new[] { "off", "low", "medium", "high", "true", "false" })]
    [InlineData("COMPRESSION", " low", new[] { "off", "low", "medium", "high", "true", "false" })]
    [InlineData("TIME_SERIES_EVENT_VALUE_TYPE", "record", new[] { "json", "string", "int64", "double", "binary" })]
    [InlineData("TIME_SERIES_EVENT_VALUE_TYPE", "time_series", new[] { "json", "string", "int64", "double", "binary" })]
    public void TOP_20_an_enumeration_value_outside_the_set_fails_with_the_allowed_values(string key, string value, string[] allowed)
    {
        var error = ErrorAssert.InvalidSpecification(key, value, () => Spec(TopicType.String, (key, value)));
        Assert.Equal(allowed, error.Allowed());
    }

    [Theory]
    [InlineData("persistent")]
    [InlineData("Persistent")]
    [InlineData("pErSiStEnT")]
    [InlineData("PERSISTENT")]
    public void TOP_20_keys_are_accepted_case_insensitively_and_stored_upper_case(string key)
    {
        var spec = Spec(TopicType.Json, (key, "false"));
        Assert.Equal([TopicProperties.Persistent], spec.Properties.Keys);
        Assert.False(spec.Persistent);
    }

    [Fact]
    public void TOP_20_the_canonical_map_upper_cases_keys_lower_cases_words_and_keeps_expressions_as_given()
    {
        // The example of docs/topics.md "Specifications".
        var spec = Spec(
            TopicType.Json,
            ("persistent", "FALSE"),
            ("Conflation", "Always"),
            ("removal", "WHEN no updates FOR 15m"),
            ("owner", "$Principal is 'alice'"),
            ("history_range", "LAST 10S LIMIT 5"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CONFLATION"] = "always",
                ["HISTORY_RANGE"] = "LAST 10S LIMIT 5",
                ["OWNER"] = "$Principal is 'alice'",
                ["PERSISTENT"] = "false",
                ["REMOVAL"] = "WHEN no updates FOR 15m",
            },
            spec.Properties);
        Assert.Equal(spec.Properties.Keys.Order(StringComparer.Ordinal), spec.Properties.Keys);
        Assert.Equal("JSON{CONFLATION=always, HISTORY_RANGE=LAST 10S LIMIT 5, OWNER=$Principal is 'alice', PERSISTENT=false, REMOVAL=WHEN no updates FOR 15m}", spec.ToString());
    }

    [Theory]
    [InlineData("PERSISTANT")]
    [InlineData("")]
    [InlineData("PERSISTENT ")]
    [InlineData("DELTAS")]
    [InlineData("PERSİSTENT")] // dotted capital I: only ASCII letters fold
    [InlineData("TYPE")]
    public void TOP_21_an_unknown_key_fails_listing_every_known_key(string key)
    {
        var error = ErrorAssert.InvalidSpecification(key, "true", () => Spec(TopicType.Json, (key, "true")));
        Assert.Equal(TopicProperties.All, error.Allowed());
    }

    [Theory]
    [InlineData(TopicType.Int64, "PUBLISH_VALUES_ONLY", "true")]
    [InlineData(TopicType.Double, "COMPRESSION", "high")]
    [InlineData(TopicType.Json, "TIME_SERIES_EVENT_VALUE_TYPE", "json")]
    [InlineData(TopicType.String, "TIME_SERIES_RETAINED_RANGE", "limit 50000")]
    [InlineData(TopicType.Binary, "TIME_SERIES_SUBSCRIPTION_RANGE", "last 1h")]
    [InlineData(TopicType.Json, "SCHEMA", "{ any text at all")]
    public void TOP_21_a_known_key_that_does_not_apply_is_kept_and_has_no_effect(TopicType type, string key, string value)
    {
        var spec = Spec(type, (key, value));
        Assert.Equal(value, spec.Properties[key]);
        Assert.False(TopicProperties.AppliesTo(key, type));
        Assert.True(spec.IsEquivalentTo(TopicSpecification.Create(type)));
    }

    [Fact]
    public void TOP_21_non_applicable_properties_leave_accessors_at_their_defaults()
    {
        var spec = Spec(TopicType.Int64, ("PUBLISH_VALUES_ONLY", "true"), ("COMPRESSION", "high"));
        Assert.False(spec.PublishValuesOnly);
        Assert.Equal("low", spec.Compression);
    }

    [Theory]
    [InlineData("SCHEMA", "")]
    [InlineData("SCHEMA", "  {\"type\": \"record\"}  ")]
    public void TOP_22_SCHEMA_accepts_any_text(string key, string value) =>
        Assert.Equal(value, Spec(TopicType.Json, (key, value)).Properties[key]);

    [Fact]
    public void TOP_22_defaults_of_every_accessor()
    {
        var spec = TopicSpecification.Create(TopicType.Json);
        Assert.Empty(spec.Properties);
        Assert.True(spec.Persistent);
        Assert.False(spec.DontRetainValue);
        Assert.False(spec.PublishValuesOnly);
        Assert.False(spec.ValidateValues);
        Assert.False(spec.TidyOnUnsubscribe);
        Assert.Equal("conflate", spec.Conflation);
        Assert.Equal("default", spec.Priority);
        Assert.Equal("low", spec.Compression);
        Assert.Equal(new RangeExpression(128, null), spec.HistoryRange);
        Assert.Null(spec.OwnerPrincipal);
        Assert.Null(spec.Removal);
        Assert.Null(spec.RemovalPolicy);
    }

    [Fact]
    public void TOP_22_every_accessor_reads_its_property()
    {
        var spec = Spec(
            TopicType.String,
            ("PERSISTENT", "false"),
            ("DONT_RETAIN_VALUE", "true"),
            ("PUBLISH_VALUES_ONLY", "true"),
            ("VALIDATE_VALUES", "true"),
            ("TIDY_ON_UNSUBSCRIBE", "true"),
            ("CONFLATION", "unsubscribe"),
            ("PRIORITY", "high"),
            ("COMPRESSION", "medium"),
            ("HISTORY_RANGE", "limit 10 last 5s"),
            ("OWNER", " $Principal is \"o\\\"brien\" "),
            ("REMOVAL", " when this session closes "));
        Assert.False(spec.Persistent);
        Assert.True(spec.DontRetainValue);
        Assert.True(spec.PublishValuesOnly);
        Assert.True(spec.ValidateValues);
        Assert.True(spec.TidyOnUnsubscribe);
        Assert.Equal("unsubscribe", spec.Conflation);
        Assert.Equal("high", spec.Priority);
        Assert.Equal("medium", spec.Compression);
        Assert.Equal(new RangeExpression(10, TimeSpan.FromSeconds(5)), spec.HistoryRange);
        Assert.Equal("o\"brien", spec.OwnerPrincipal);
        Assert.Equal("when this session closes", spec.Removal);
        Assert.NotNull(spec.RemovalPolicy);
    }

    [Theory]
    [InlineData("true", "medium")]
    [InlineData("TRUE", "medium")]
    [InlineData("false", "off")]
    [InlineData("high", "high")]
    public void TOP_22_legacy_COMPRESSION_booleans_read_as_medium_and_off(string given, string effective) =>
        Assert.Equal(effective, Spec(TopicType.Binary, ("COMPRESSION", given)).Compression);

    [Fact]
    public void TOP_22_DONT_RETAIN_VALUE_makes_the_default_history_limit_0()
    {
        Assert.Equal(new RangeExpression(0, null), Spec(TopicType.Json, ("DONT_RETAIN_VALUE", "true")).HistoryRange);
        Assert.Equal(new RangeExpression(128, null), Spec(TopicType.Json, ("DONT_RETAIN_VALUE", "false")).HistoryRange);
        Assert.Equal(
            new RangeExpression(7, null),
            Spec(TopicType.Json, ("DONT_RETAIN_VALUE", "true"), ("HISTORY_RANGE", "limit 7")).HistoryRange);
    }

    [Theory]
    [InlineData("limit 0")]
    [InlineData("limit 10000")]
    [InlineData("last 10s")]
    [InlineData("LAST 10S LIMIT 5")]
    [InlineData("  last 250ms  ")]
    public void TOP_22_HISTORY_RANGE_accepts_range_expressions_up_to_limit_10000(string value) =>
        Assert.Equal(value, Spec(TopicType.Double, ("HISTORY_RANGE", value)).Properties["HISTORY_RANGE"]);

    [Theory]
    [InlineData("limit 10001", 6)]
    [InlineData("last 1h limit 99999999999", 14)]
    [InlineData("limit", 5)]
    [InlineData("most 5", 0)]
    [InlineData("last 5m", 6)]
    public void TOP_22_HISTORY_RANGE_errors_carry_the_position_in_the_expression(string value, int position)
    {
        var error = ErrorAssert.InvalidSpecification("HISTORY_RANGE", value, () => Spec(TopicType.Json, ("HISTORY_RANGE", value)));
        Assert.Equal(position, error.Position());
        Assert.NotNull(error.Text("expected"));
    }

    [Fact]
    public void TOP_22_the_history_cap_of_10000_applies_only_to_HISTORY_RANGE() =>
        Assert.Equal("limit 10001", Spec(TopicType.Json, ("TIME_SERIES_RETAINED_RANGE", "limit 10001")).Properties["TIME_SERIES_RETAINED_RANGE"]);

    [Theory]
    [InlineData("TIME_SERIES_RETAINED_RANGE", "limit -1", 6)]
    [InlineData("TIME_SERIES_SUBSCRIPTION_RANGE", "first 5", 0)]
    public void TOP_22_time_series_ranges_are_validated_even_on_other_types(string key, string value, int position) =>
        Assert.Equal(position, ErrorAssert.InvalidSpecification(key, value, () => Spec(TopicType.Json, (key, value))).Position());

    [Theory]
    [InlineData("when time after 1767225600000")]
    [InlineData("  WHEN this session closes  ")]
    public void TOP_22_REMOVAL_accepts_a_removal_policy_and_keeps_its_text(string value)
    {
        var spec = Spec(TopicType.Json, ("REMOVAL", value));
        Assert.Equal(value, spec.Properties["REMOVAL"]);
        Assert.Equal(value.Trim(), spec.Removal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("when", 4)]
    [InlineData("when no updates for 15", 22)]
    [InlineData("if this session closes", 0)]
    public void TOP_22_REMOVAL_syntax_errors_fail_with_the_position_inside_the_expression(string value, int position) =>
        Assert.Equal(position, ErrorAssert.InvalidSpecification("REMOVAL", value, () => Spec(TopicType.Json, ("REMOVAL", value))).Position());

    [Fact]
    public void TOP_36_a_null_property_value_fails_with_INVALID_SPECIFICATION() =>
        ErrorAssert.InvalidSpecification("PRIORITY", null, () => TopicSpecification.Create(TopicType.Json, new Dictionary<string, string> { ["priority"] = null! }));

    [Fact]
    public void TOP_20_the_same_key_twice_in_different_case_fails()
    {
        var error = ErrorAssert.InvalidSpecification(
            "PERSISTENT", "false", () => Spec(TopicType.Json, ("persistent", "true"), ("PERSISTENT", "false")));
        Assert.Equal("DUPLICATE_PROPERTY", error.Text("reason"));
    }

    [Fact]
    public void An_undefined_type_fails_with_INVALID_SPECIFICATION() =>
        ErrorAssert.InvalidSpecification("TYPE", "42", () => TopicSpecification.Create((TopicType)42));

    [Fact]
    public void TOP_10_a_valid_TIME_SERIES_specification_fails_with_UNSUPPORTED()
    {
        var error = ErrorAssert.Throws(
            ErrorCode.Unsupported, () => Spec(TopicType.TimeSeries, ("TIME_SERIES_EVENT_VALUE_TYPE", "json"), ("CONFLATION", "Unsubscribe")));
        Assert.Equal("TIME_SERIES", error.Text("feature"));
        Assert.IsType<TopiaryArgumentException>(error);
    }

    [Fact]
    public void TOP_22_TIME_SERIES_requires_an_event_value_type() =>
        ErrorAssert.InvalidSpecification("TIME_SERIES_EVENT_VALUE_TYPE", null, () => TopicSpecification.Create(TopicType.TimeSeries));

    [Theory]
    [InlineData("conflate")]
    [InlineData("always")]
    public void TOP_22_TIME_SERIES_allows_only_off_and_unsubscribe_conflation(string value)
    {
        var error = ErrorAssert.InvalidSpecification(
            "CONFLATION", value, () => Spec(TopicType.TimeSeries, ("TIME_SERIES_EVENT_VALUE_TYPE", "json"), ("CONFLATION", value)));
        Assert.Equal(["off", "unsubscribe"], error.Allowed());
    }

    [Fact]
    public void Properties_cannot_be_changed_through_the_returned_map()
    {
        var input = Props(("PRIORITY", "high"));
        var spec = TopicSpecification.Create(TopicType.Json, input);
        input["PRIORITY"] = "low";
        Assert.Equal("high", spec.Priority);
        Assert.IsNotType<Dictionary<string, string>>(spec.Properties);
    }

    [Theory]
    [InlineData("priority", "high")]
    [InlineData("HISTORY_RANGE", "last 1h")]
    [InlineData("OWNER", null)]
    public void GetEffectiveValue_gives_canonical_effective_values(string key, string? expected) =>
        Assert.Equal(expected, Spec(TopicType.Json, ("PRIORITY", "HIGH"), ("HISTORY_RANGE", "LAST 3600000MS")).GetEffectiveValue(key));

    [Theory]
    [InlineData("false", "TIME_SERIES_SUBSCRIPTION_RANGE", "limit 1")]
    [InlineData("true", "TIME_SERIES_SUBSCRIPTION_RANGE", "limit 0")]
    [InlineData("false", "TIME_SERIES_RETAINED_RANGE", "limit 10")]
    [InlineData("false", "TIME_SERIES_EVENT_VALUE_TYPE", null)]
    [InlineData("false", "SCHEMA", null)]
    public void TOP_22_time_series_defaults(string publishValuesOnly, string key, string? expected) =>
        Assert.Equal(expected, Spec(TopicType.Json, ("PUBLISH_VALUES_ONLY", publishValuesOnly)).GetEffectiveValue(key));

    [Fact]
    public void GetEffectiveValue_rejects_unknown_keys() =>
        Assert.Throws<ArgumentException>(() => TopicSpecification.Create(TopicType.Json).GetEffectiveValue("NOPE"));

    [Fact]
    public void TopicProperties_lists_every_key_of_TOP_22_in_order() =>
        Assert.Equal(
            [
                "PUBLISH_VALUES_ONLY", "DONT_RETAIN_VALUE", "TIDY_ON_UNSUBSCRIBE", "VALIDATE_VALUES", "PERSISTENT", "REMOVAL",
                "CONFLATION", "OWNER", "PRIORITY", "COMPRESSION", "TIME_SERIES_EVENT_VALUE_TYPE", "TIME_SERIES_RETAINED_RANGE",
                "TIME_SERIES_SUBSCRIPTION_RANGE", "SCHEMA", "HISTORY_RANGE",
            ],
            TopicProperties.All);

    [Theory]
    [InlineData("PUBLISH_VALUES_ONLY", "JSON STRING BINARY TIME_SERIES")]
    [InlineData("DONT_RETAIN_VALUE", "JSON STRING INT64 DOUBLE BINARY")]
    [InlineData("TIDY_ON_UNSUBSCRIBE", "JSON STRING INT64 DOUBLE BINARY TIME_SERIES")]
    [InlineData("VALIDATE_VALUES", "JSON STRING INT64 DOUBLE BINARY TIME_SERIES")]
    [InlineData("PERSISTENT", "JSON STRING INT64 DOUBLE BINARY TIME_SERIES")]
    [InlineData("REMOVAL", "JSON STRING INT64 DOUBLE BINARY TIME_SERIES")]
    [InlineData("CONFLATION", "JSON STRING INT64 DOUBLE BINARY TIME_SERIES")]
    [InlineData("OWNER", "JSON STRING INT64 DOUBLE BINARY TIME_SERIES")]
    [InlineData("PRIORITY", "JSON STRING INT64 DOUBLE BINARY TIME_SERIES")]
    [InlineData("COMPRESSION", "JSON STRING BINARY TIME_SERIES")]
    [InlineData("TIME_SERIES_EVENT_VALUE_TYPE", "TIME_SERIES")]
    [InlineData("TIME_SERIES_RETAINED_RANGE", "TIME_SERIES")]
    [InlineData("TIME_SERIES_SUBSCRIPTION_RANGE", "TIME_SERIES")]
    [InlineData("SCHEMA", "")]
    [InlineData("HISTORY_RANGE", "JSON STRING INT64 DOUBLE BINARY")]
    [InlineData("UNKNOWN", "")]
    public void TOP_22_applies_to_column(string key, string types) =>
        Assert.Equal(
            types,
            string.Join(' ', Enum.GetValues<TopicType>().Where(t => TopicProperties.AppliesTo(key, t)).Select(t => t.WireName())));
}
