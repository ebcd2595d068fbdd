using System.Text;
using Topiary.Topics;
using Topiary.Views;

namespace Topiary.Tests.Grains.Views;

/// <summary>The evaluation pipeline (VIEW-34, VIEW-35, VIEW-49, VIEW-55, VIEW-96) beyond the worked examples.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ViewEvaluatorTests
{
    [Fact]
    public void VIEW_49_no_value_gives_a_topic_without_value_unless_json_features_are_used()
    {
        var table = new TopicTable().NoValue("a/s", TopicType.String).NoValue("a/j", TopicType.Json);
        Assert.Equal(["b/s = STRING (no value)", "b/j = JSON (no value)"], table.Derive("map ?a/ to b/<path(1)>"));
        Assert.Equal(["b/s = INT64 (no value)"], table.Derive("map ?a/s to b/<path(1)> type INT64"));
        Assert.Empty(table.Derive("map ?a/ to b/<path(1)> as <value()>"));
    }

    [Fact]
    public void VIEW_35_json_features_ignore_other_types_without_counting_them()
    {
        var evaluations = new TopicTable().String("a/s", "x").Int64("a/i", 1).Binary("a/b").Json("a/j", "{}")
            .Evaluate("map ?a/ to b/<path(1)> process {continue}");
        Assert.Equal(["b/j"], evaluations.SelectMany(e => e.Topics).Select(t => t.Path));
        Assert.Empty(evaluations.SelectMany(e => e.Skipped));
    }

    [Theory]
    [InlineData("""{"p":"x/"}""", "out/x/")]
    [InlineData("""{"p":"/x"}""", "out//x")]
    [InlineData("""{"p":"a//b"}""", "out/a//b")]
    public void VIEW_34_empty_segments_from_directive_text_make_the_path_invalid(string json, string attempted)
    {
        var evaluation = Assert.Single(new TopicTable().Json("src/1", json).Evaluate("map ?src/ to out/<scalar(/p)>"));
        Assert.Empty(evaluation.Topics);
        Assert.Equal(new SkippedMapping(SkipReason.InvalidPath, "src/1", attempted), Assert.Single(evaluation.Skipped));
    }

    [Fact]
    public void VIEW_34_a_template_producing_nothing_is_an_invalid_path() =>
        Assert.Equal([SkipReason.InvalidPath], new TopicTable().String("a", "v").Evaluate("map a to <path(1)>").SelectMany(e => e.Skipped).Select(s => s.Reason));

    [Fact]
    public void VIEW_45_separator_applies_to_expand_names_too() =>
        Assert.Equal(["k/a_b = JSON 1"], new TopicTable().Json("s/1", """{"a/b":1}""").Derive("map ?s/ to k/<expand()> separator '_'"));

    [Fact]
    public void VIEW_49_repeated_paths_keep_the_first_candidate_that_survives_the_transformations() =>
        Assert.Equal(["d/x = JSON {\"id\":\"x\",\"ok\":2}"],
            new TopicTable().Json("s/1", """[{"id":"x","ok":0},{"id":"x","ok":2}]""")
                .Derive("map ?s/ to d/<expand(, /id)> process {if '/ok gt 0' continue}"));

    [Fact]
    public void VIEW_49_untouched_json_keeps_the_source_bytes()
    {
        const string Json = "{ \"b\" : 1,\n \"text\": \"\\u00e9\" }";
        var derived = new TopicTable().Json("a/x", Json).Evaluate("map ?a/ to b/<path(1)>").SelectMany(e => e.Topics).Single();
        Assert.Equal(Json, Encoding.UTF8.GetString(derived.Value.Span));
        var transformed = new TopicTable().Json("a/x", Json).Evaluate("map ?a/ to b/<path(1)> process {continue}").SelectMany(e => e.Topics).Single();
        Assert.Equal("{\"b\":1,\"text\":\"é\"}", Encoding.UTF8.GetString(transformed.Value.Span));
    }

    [Fact]
    public void VIEW_55_reference_specification_copies_and_overrides_properties()
    {
        var source = new Dictionary<string, string>
        {
            [TopicProperties.Conflation] = "always",
            [TopicProperties.Priority] = "high",
            [TopicProperties.Persistent] = "true",
            [TopicProperties.ValidateValues] = "true",
            [TopicProperties.Owner] = "$Principal is 'ann'",
            [TopicProperties.PublishValuesOnly] = "true",
        };
        var table = new TopicTable().Add("a/x", TopicType.Json, TopicValues.EncodeJson("1"), source);
        var derived = table.Evaluate("map ?a/ to b/<path(1)> type INT64 with properties PRIORITY:low").SelectMany(e => e.Topics).Single();
        var properties = derived.Specification.Properties;
        Assert.Equal(TopicType.Int64, derived.Specification.Type);
        Assert.Equal("always", properties[TopicProperties.Conflation]);
        Assert.Equal("low", properties[TopicProperties.Priority]);
        Assert.Equal("false", properties[TopicProperties.Persistent]);
        // Not settable by views, and PUBLISH_VALUES_ONLY does not apply to INT64.
        Assert.False(properties.ContainsKey(TopicProperties.ValidateValues));
        Assert.False(properties.ContainsKey(TopicProperties.Owner));
        Assert.False(properties.ContainsKey(TopicProperties.PublishValuesOnly));
    }

    [Fact]
    public void VIEW_40_insert_key_on_a_non_json_topic_finds_nothing_and_uses_the_default()
    {
        const string View = "map ?o/ to e/<path(1)> insert r/x key /k at /v default 'none'";
        Assert.Equal(["e/1 = JSON {\"v\":\"none\"}"], new TopicTable().String("r/x", "text").Json("o/1", "{}").Derive(View));
        Assert.Equal(["e/1 = JSON {\"v\":[1]}"], new TopicTable().Json("r/x", """{"k":[1]}""").Json("o/1", "{}").Derive(View));
        Assert.Equal(["e/1 = JSON {\"v\":\"none\"}"], new TopicTable().Double("r/x", double.NaN).Json("o/1", "{}")
            .Derive("map ?o/ to e/<path(1)> insert r/x at /v default 'none'"));
        Assert.Equal(["e/1 = JSON [1]"], new TopicTable().Int64("r/x", 5).Json("o/1", "[1]").Derive("map ?o/ to e/<path(1)> insert r/x at /a/b"));
    }

    [Fact]
    public void VIEW_96_failed_transformations_and_conversions_are_counted_with_the_attempted_path()
    {
        var skipped = new TopicTable().Json("a/x", "\"text\"")
            .Evaluate("map ?a/ to b/<path(1)> patch '[]'").Concat(new TopicTable().Json("a/y", "{}").Evaluate("map ?a/ to b/<path(1)> type INT64"))
            .SelectMany(e => e.Skipped);
        Assert.Equal(
            [new SkippedMapping(SkipReason.PatchFailed, "a/x", "b/x"), new SkippedMapping(SkipReason.ConversionFailed, "a/y", "b/y")],
            skipped);
    }
}
