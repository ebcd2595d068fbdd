using Topiary.Topics;
using static Topiary.Tests.Abstractions.Topics.SpecificationBuilder;

namespace Topiary.Tests.Abstractions.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class TopicSpecificationEquivalenceTests
{
    [Fact]
    public void TOP_24_types_must_be_equal() =>
        Assert.False(TopicSpecification.Create(TopicType.Json).IsEquivalentTo(TopicSpecification.Create(TopicType.String)));

    [Theory]
    [InlineData("PERSISTENT", "true")]
    [InlineData("PUBLISH_VALUES_ONLY", "false")]
    [InlineData("DONT_RETAIN_VALUE", "FALSE")]
    [InlineData("TIDY_ON_UNSUBSCRIBE", "false")]
    [InlineData("VALIDATE_VALUES", "False")]
    [InlineData("CONFLATION", "CONFLATE")]
    [InlineData("PRIORITY", "default")]
    [InlineData("COMPRESSION", "low")]
    [InlineData("HISTORY_RANGE", "limit 128")]
    [InlineData("HISTORY_RANGE", "LIMIT 128")]
    public void TOP_24_an_absent_property_equals_its_default(string key, string value) =>
        AssertEquivalent(Spec(TopicType.Json), Spec(TopicType.Json, (key, value)));

    [Theory]
    [InlineData("PERSISTENT", "false")]
    [InlineData("PUBLISH_VALUES_ONLY", "true")]
    [InlineData("DONT_RETAIN_VALUE", "true")]
    [InlineData("TIDY_ON_UNSUBSCRIBE", "true")]
    [InlineData("VALIDATE_VALUES", "true")]
    [InlineData("CONFLATION", "off")]
    [InlineData("PRIORITY", "high")]
    [InlineData("COMPRESSION", "high")]
    [InlineData("HISTORY_RANGE", "limit 127")]
    [InlineData("HISTORY_RANGE", "limit 128 last 1h")]
    [InlineData("OWNER", "$Principal is \"alice\"")]
    [InlineData("REMOVAL", "when this session closes")]
    public void TOP_24_a_property_set_to_a_non_default_value_differs_from_absent(string key, string value) =>
        AssertNotEquivalent(Spec(TopicType.Json), Spec(TopicType.Json, (key, value)));

    [Fact]
    public void TOP_24_booleans_and_enumerations_compare_after_canonicalisation() =>
        AssertEquivalent(
            Spec(TopicType.String, ("persistent", "FALSE"), ("priority", "HIGH")),
            Spec(TopicType.String, ("PERSISTENT", "false"), ("PRIORITY", "high")));

    [Theory]
    [InlineData("true", "medium", true)]
    [InlineData("TRUE", "MEDIUM", true)]
    [InlineData("false", "off", true)]
    [InlineData("true", "high", false)]
    [InlineData("false", "low", false)]
    [InlineData("true", "false", false)]
    public void TOP_24_COMPRESSION_true_is_medium_and_false_is_off(string left, string right, bool equivalent)
    {
        var a = Spec(TopicType.Json, ("COMPRESSION", left));
        var b = Spec(TopicType.Json, ("COMPRESSION", right));
        Assert.Equal(equivalent, a.IsEquivalentTo(b));
        Assert.Equal(equivalent, b.IsEquivalentTo(a));
    }

    [Theory]
    [InlineData("REMOVAL", "when this session closes", "  when this session closes\t", true)]
    [InlineData("REMOVAL", "when this session closes", "  when this session closes", true)]
    [InlineData("REMOVAL", "when this session closes", "when  this session closes", false)]
    [InlineData("REMOVAL", "when this session closes", "WHEN this session closes", false)]
    [InlineData("OWNER", "$Principal is \"alice\"", " $Principal is \"alice\"\n", true)]
    [InlineData("OWNER", "$Principal is \"alice\"", "$Principal is 'alice'", false)]
    [InlineData("OWNER", "$Principal is 'a'", "$Principal is \"a\"", false)]
    [InlineData("OWNER", "$Principal is \"alice\"", "$Principal IS \"alice\"", false)]
    public void TOP_24_REMOVAL_and_OWNER_compare_as_text_after_trimming(string key, string left, string right, bool equivalent) =>
        Assert.Equal(equivalent, Spec(TopicType.Json, (key, left)).IsEquivalentTo(Spec(TopicType.Json, (key, right))));

    [Theory]
    [InlineData(TopicType.Int64, "PUBLISH_VALUES_ONLY", "true")]
    [InlineData(TopicType.Double, "COMPRESSION", "off")]
    [InlineData(TopicType.Json, "TIME_SERIES_EVENT_VALUE_TYPE", "double")]
    [InlineData(TopicType.Json, "TIME_SERIES_RETAINED_RANGE", "limit 1")]
    [InlineData(TopicType.String, "SCHEMA", "x")]
    public void TOP_24_properties_that_do_not_apply_are_ignored(TopicType type, string key, string value) =>
        AssertEquivalent(Spec(type), Spec(type, (key, value)));

    [Fact]
    public void TOP_24_an_applicable_property_is_not_ignored() =>
        AssertNotEquivalent(Spec(TopicType.Json), Spec(TopicType.Json, ("PUBLISH_VALUES_ONLY", "true")));

    [Fact]
    public void TOP_24_the_history_default_follows_DONT_RETAIN_VALUE()
    {
        AssertEquivalent(
            Spec(TopicType.Json, ("DONT_RETAIN_VALUE", "true")),
            Spec(TopicType.Json, ("DONT_RETAIN_VALUE", "true"), ("HISTORY_RANGE", "limit 0")));
        AssertNotEquivalent(
            Spec(TopicType.Json, ("DONT_RETAIN_VALUE", "true")),
            Spec(TopicType.Json, ("DONT_RETAIN_VALUE", "true"), ("HISTORY_RANGE", "limit 128")));
    }

    [Theory]
    [InlineData("last 1h", "LAST 3600S")]
    [InlineData("last 1s", "last 1000ms")]
    [InlineData("limit 5 last 10s", "LAST 10S LIMIT 5")]
    public void TOP_24_range_expressions_compare_by_meaning(string left, string right) =>
        AssertEquivalent(Spec(TopicType.Json, ("HISTORY_RANGE", left)), Spec(TopicType.Json, ("HISTORY_RANGE", right)));

    [Fact]
    public void TOP_24_equivalence_is_reflexive_symmetric_and_implies_equal_accessors()
    {
        var specs = new[]
        {
            Spec(TopicType.Json),
            Spec(TopicType.Json, ("persistent", "TRUE"), ("compression", "LOW")),
            Spec(TopicType.Json, ("COMPRESSION", "true")),
            Spec(TopicType.Json, ("COMPRESSION", "medium"), ("PRIORITY", "default")),
            Spec(TopicType.Json, ("DONT_RETAIN_VALUE", "true")),
            Spec(TopicType.Json, ("DONT_RETAIN_VALUE", "true"), ("HISTORY_RANGE", "limit 0")),
            Spec(TopicType.Json, ("OWNER", "$Principal is 'a'")),
            Spec(TopicType.Json, ("OWNER", "  $Principal is 'a'")),
            Spec(TopicType.Int64, ("COMPRESSION", "high")),
            Spec(TopicType.Int64),
        };
        foreach (var a in specs)
        {
            Assert.True(a.IsEquivalentTo(a));
            foreach (var b in specs)
            {
                Assert.Equal(a.IsEquivalentTo(b), b.IsEquivalentTo(a));
                if (a.IsEquivalentTo(b))
                {
                    Assert.Equal(Accessors(a), Accessors(b));
                }
            }
        }
        Assert.Equal(5, specs.Select(s => specs.First(s.IsEquivalentTo)).Distinct().Count());
    }

    private static string Accessors(TopicSpecification s) =>
        string.Join('|', s.Type, s.Persistent, s.DontRetainValue, s.PublishValuesOnly, s.ValidateValues, s.TidyOnUnsubscribe,
            s.Conflation, s.Priority, s.Compression, s.HistoryRange, s.OwnerPrincipal, s.Removal, s.RemovalPolicy);

    private static void AssertEquivalent(TopicSpecification a, TopicSpecification b)
    {
        Assert.True(a.IsEquivalentTo(b), $"{a} should be equivalent to {b}");
        Assert.True(b.IsEquivalentTo(a), $"{b} should be equivalent to {a}");
    }

    private static void AssertNotEquivalent(TopicSpecification a, TopicSpecification b)
    {
        Assert.False(a.IsEquivalentTo(b), $"{a} should not be equivalent to {b}");
        Assert.False(b.IsEquivalentTo(a), $"{b} should not be equivalent to {a}");
    }
}
