using Topiary.Views;

namespace Topiary.Tests.Abstractions.Views;

/// <summary>The mapping clause (VIEW-20, VIEW-23, VIEW-24, VIEW-27..VIEW-31): good and bad specifications.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class MappingClauseTests
{
    public static TheoryData<string> Good =>
    [
        "map a/b/c/d to x/<path(1,2)>",
        "map a/b/c/d to x/<path( 1 , 2 )>",
        "map 'a topic' to 'another topic'",
        @"map a\ topic to another\ topic",
        @"map ?a/\\d+ to n/<path(1)>",
        "map ?a/ from s.1-x_y to b",
        "map >a/b to c",
        "map *a/.* to c/<path(0)>",
        "map #a////b to c/<path(0)>",
        "  map ?a/ to b/<path(1)>  ",
        "map\n?a/\nto\nb/<path(1)>",
        "map\t?a/\tto\tb/<path(1)>",
        "map ?a/ to b/<scalar(/x )>",
        "map ?a/ to b/<scalar(  /x)>",
        "map ?a/ to b/<scalar(/a~1b~0c)>",
        @"map ?a/ to b/<scalar(/a\)b)>",
        @"map ?a/ to b/<scalar(/a\,b)>",
        @"map ?a/ to b/\<x",
        "map ?a/ to b/x<path(1)>y<path(2)>z",
        "map ?a/ to '<scalar(/a b)>'",
        "map ?a/ to b/<scalar(/a b)>",
        "map ?a/ to b/<path(0, 0)>",
        "map ?a/ to b/<expand(/0)>",
        "map ?a/ to b/<scalar(/)>",
    ];

    public static TheoryData<string, string, int> Bad => new()
    {
        { "", "SYNTAX_ERROR", 1 },
        { "   ", "SYNTAX_ERROR", 4 },
        { "mop ?a/ to b", "SYNTAX_ERROR", 1 },
        { "MAP ?a/ to b", "SYNTAX_ERROR", 1 },
        { "map", "SYNTAX_ERROR", 4 },
        { "map ?a/", "SYNTAX_ERROR", 8 },
        { "map ?a/ b", "SYNTAX_ERROR", 9 },
        { "map ?a/ to", "SYNTAX_ERROR", 11 },
        { "map ?a/ TO b", "SYNTAX_ERROR", 9 },
        { "map ?a/[^/]+ to b/<path(1)>", "INVALID_SELECTOR", 8 },
        { "map ?a/( to b", "INVALID_SELECTOR", 8 },
        { "map '' to b", "INVALID_SELECTOR", 5 },
        { "map 'a to b", "UNTERMINATED", 5 },
        { "map 'a'x to b", "SYNTAX_ERROR", 8 },
        { "map ?a/ from bad$name to b", "INVALID_SERVER_NAME", 17 },
        { "map ?a/ from -x to b", "INVALID_SERVER_NAME", 14 },
        { "map ?a/ from '' to b", "INVALID_SERVER_NAME", 14 },
        { "map ?a/ from s1 b", "SYNTAX_ERROR", 17 },
        { "map ?a/ to b//<path(1)>", "INVALID_TEMPLATE", 14 },
        { "map ?a/ to /b", "INVALID_TEMPLATE", 12 },
        { "map ?a/ to b/", "INVALID_TEMPLATE", 13 },
        { "map ?a/ to ''", "INVALID_TEMPLATE", 13 },
        { @"map ?a/ to a\/b", "INVALID_TEMPLATE", 13 },
        { "map ?a/ to b/<paths(1)>", "UNKNOWN_DIRECTIVE", 15 },
        { "map ?a/ to b/<value(/x)>", "UNKNOWN_DIRECTIVE", 15 },
        { "map ?a/ to b/<>", "UNKNOWN_DIRECTIVE", 15 },
        { "map ?a/ to b/<path(x)>", "INVALID_DIRECTIVE_ARGUMENT", 20 },
        { "map ?a/ to b/<path()>", "INVALID_DIRECTIVE_ARGUMENT", 14 },
        { "map ?a/ to b/<path(1, 2, 3)>", "INVALID_DIRECTIVE_ARGUMENT", 14 },
        { "map ?a/ to b/<path(-1)>", "INVALID_DIRECTIVE_ARGUMENT", 20 },
        { "map ?a/ to b/<path(99999999999)>", "INVALID_DIRECTIVE_ARGUMENT", 20 },
        { "map ?a/ to b/<path>", "INVALID_DIRECTIVE_ARGUMENT", 19 },
        { "map ?a/ to b/<scalar(x)>", "INVALID_POINTER", 22 },
        { "map ?a/ to b/<scalar()>", "INVALID_POINTER", 14 },
        { "map ?a/ to b/<scalar(/a~2)>", "INVALID_POINTER", 24 },
        { "map ?a/ to b/<scalar(/a, /b)>", "INVALID_DIRECTIVE_ARGUMENT", 14 },
        { "map ?a/ to b/<expand(/a, )>", "INVALID_POINTER", 25 },
        { "map ?a/ to b/<expand(x)>", "INVALID_POINTER", 22 },
        { "map ?a/ to b/<expand(/a, /b, /c)>", "INVALID_DIRECTIVE_ARGUMENT", 14 },
        { "map ?a/ to b/<path(1)", "UNTERMINATED", 22 },
        { "map ?a/ to b/<path(1", "UNTERMINATED", 14 },
        { "map ?a/ to b/<path", "UNTERMINATED", 14 },
        { "map ?a/ to b/<path(1)x", "SYNTAX_ERROR", 22 },
        { "map ?a/ to b\\", "SYNTAX_ERROR", 13 },
    };

    [Theory]
    [MemberData(nameof(Good))]
    public void VIEW_27_mapping_parses_and_round_trips(string text) => ViewAssert.Valid(text);

    [Theory]
    [MemberData(nameof(Bad))]
    public void VIEW_95_bad_mapping_reports_reason_and_position(string text, string reason, int column) =>
        ViewAssert.Invalid(text, reason, column);

    [Fact]
    public void VIEW_23_quoted_and_escaped_forms_are_the_same_view()
    {
        Assert.Equal(ViewSpecification.Parse("map \"a topic\" to \"another topic\"").ToString(),
            ViewSpecification.Parse(@"map a\ topic to another\ topic").ToString());
    }

    [Fact]
    public void VIEW_28_doubled_backslash_reaches_the_selector_as_one()
    {
        var view = ViewSpecification.Parse(@"map ?a/\\d+ to n/<path(1)>");
        Assert.Equal(@"?a/\d+", view.Selector.Expression);
        Assert.Equal(@"?a/d+", ViewSpecification.Parse(@"map ?a/\d+ to n/<path(1)>").Selector.Expression);
    }

    [Fact]
    public void VIEW_24_pointer_arguments_ignore_leading_blanks_but_keep_trailing_ones()
    {
        var view = ViewSpecification.Parse("map ?a/ to b/<scalar(  /x )>");
        var scalar = Assert.IsType<ScalarDirective>(view.Target.Segments[1].Parts[0]);
        Assert.Equal(["x "], scalar.At.Tokens);
    }

    [Fact]
    public void VIEW_31_path_and_expand_arguments_are_kept()
    {
        var view = ViewSpecification.Parse("map ?a/ to x/<path(1, 2)>/<expand(/p, /n)>/<expand()>");
        Assert.Equal(new PathDirective(1, 2), view.Target.Segments[1].Parts[0]);
        var expand = Assert.IsType<ExpandDirective>(view.Target.Segments[2].Parts[0]);
        Assert.Equal(["p"], expand.At.Tokens);
        Assert.Equal(["n"], expand.NamePointer!.Tokens);
        Assert.True(Assert.IsType<ExpandDirective>(view.Target.Segments[3].Parts[0]).At.IsRoot);
        Assert.Equal("server", ViewSpecification.Parse("map ?a/ from server to b").Server);
    }

    [Fact]
    public void VIEW_95_selector_error_is_nested_and_positioned_on_a_later_line()
    {
        var error = ViewAssert.Invalid("map\n  ?a/[^/]+\nto b", "INVALID_SELECTOR");
        Assert.Equal(2, error.Error.Details!["line"]!.GetValue<int>());
        Assert.NotNull(error.Error.Details["selectorError"]);
    }

    [Fact]
    public void VIEW_95_unpaired_surrogate_is_a_positioned_error_with_a_printable_token()
    {
        var error = ViewAssert.InvalidAt("map ?a/ to b\uD800c", "SYNTAX_ERROR", "\uD800");
        Assert.Equal("\\uD800", error.Error.Details!["token"]!.GetValue<string>());
        Assert.DoesNotContain("\uD800", error.Message, StringComparison.Ordinal);
        ViewAssert.Valid("map ?a/ to b/🌳<path(1)>");
    }
}
