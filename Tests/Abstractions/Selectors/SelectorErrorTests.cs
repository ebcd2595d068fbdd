using Topiary.Errors;
using Topiary.Selectors;

namespace Topiary.Tests.Abstractions.Selectors;

/// <summary>SEL-50, SEL-51 and SEL-26: every invalid selector fails with INVALID_SELECTOR, a position and one reason.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class SelectorErrorTests
{
    [Theory]
    // The invalid-selector table of spec/selectors.md §8.
    [InlineData(">", "EMPTY", 1)]
    [InlineData("#", "EMPTY", 1)]
    [InlineData("$alpha", "RESERVED_PREFIX", 0)]
    [InlineData("alpha//beta", "INVALID_PATH", 6)]
    [InlineData(">alpha//", "INVALID_PATH", 6)]
    [InlineData("?alpha//beta", "EMPTY_PART", 7)]
    [InlineData("?alpha/[^/]+", "INVALID_REGEX", 7)]
    [InlineData("*alpha/(beta", "INVALID_REGEX", 1)]
    [InlineData(@"*(alpha)\1", "UNSUPPORTED_REGEX", 1)]
    [InlineData("#alpha////", "EMPTY_MEMBER", 10)]
    // The examples of SEL-50.
    [InlineData("", "EMPTY", 0)]
    [InlineData("?", "EMPTY", 1)]
    [InlineData("*", "EMPTY", 1)]
    [InlineData(">/", "EMPTY", 1)]
    [InlineData("$x", "RESERVED_PREFIX", 0)]
    [InlineData("%x", "RESERVED_PREFIX", 0)]
    [InlineData("&x", "RESERVED_PREFIX", 0)]
    [InlineData("<x", "RESERVED_PREFIX", 0)]
    [InlineData(">a//b", "INVALID_PATH", 3)]
    [InlineData("a//b", "INVALID_PATH", 2)]
    [InlineData("?a//b", "EMPTY_PART", 3)]
    [InlineData("?//", "EMPTY_PART", 1)]
    [InlineData("?/", "EMPTY_PART", 1)]
    [InlineData("?a///", "EMPTY_PART", 3)]
    [InlineData("?a/(b", "INVALID_REGEX", 3)]
    [InlineData("*a(", "INVALID_REGEX", 1)]
    [InlineData("?a/[^/]+", "INVALID_REGEX", 3)]
    [InlineData("?a/b{3,1}", "INVALID_REGEX", 3)]
    [InlineData(@"*(a)\1", "UNSUPPORTED_REGEX", 1)]
    [InlineData("*(?=a)a", "UNSUPPORTED_REGEX", 1)]
    [InlineData(@"?a/\Qb\E", "UNSUPPORTED_REGEX", 3)]
    [InlineData("*a////b", "SET_SEPARATOR_IN_PATTERN", 2)]
    [InlineData("#a////", "EMPTY_MEMBER", 6)]
    [InlineData("#////a", "EMPTY_MEMBER", 1)]
    // Further cases of ours.
    [InlineData("/", "EMPTY", 0)]
    [InlineData("//", "EMPTY", 0)]
    [InlineData(">//", "EMPTY", 1)]
    [InlineData("*/", "EMPTY_PART", 1)]
    [InlineData("*//", "EMPTY_PART", 1)]
    [InlineData("?//a", "EMPTY_PART", 2)]
    [InlineData(">alpha///", "INVALID_PATH", 7)]
    [InlineData("#?a//////", "EMPTY_MEMBER", 9)]             // members "?a//" and ""
    [InlineData("#a//////", "INVALID_PATH", 2)]              // members "a//" and "": the first error wins
    [InlineData("##", "EMPTY_MEMBER", 2)]
    [InlineData("#a////$b", "RESERVED_PREFIX", 6)]             // positions are in the whole text, also in members
    [InlineData("#a////?b//c", "EMPTY_PART", 9)]
    [InlineData("#a////*x(", "INVALID_REGEX", 7)]
    [InlineData("#a////>b//c", "INVALID_PATH", 9)]
    [InlineData("*a)|(b", "INVALID_REGEX", 1)]                 // cannot escape the \A(?:…)\z anchors
    [InlineData("*a*+", "UNSUPPORTED_REGEX", 1)]                // possessive quantifiers
    [InlineData("*a++", "UNSUPPORTED_REGEX", 1)]
    [InlineData("?x/a{2}+", "UNSUPPORTED_REGEX", 3)]
    [InlineData("*(?>a)", "UNSUPPORTED_REGEX", 1)]              // atomic group
    [InlineData("*(?(a)b|c)", "UNSUPPORTED_REGEX", 1)]          // conditional
    [InlineData("*(?<=a)b", "UNSUPPORTED_REGEX", 1)]            // lookbehind
    [InlineData("*(?!a)b", "UNSUPPORTED_REGEX", 1)]             // negative lookahead
    [InlineData(@"*(?<n>a)\k<n>", "UNSUPPORTED_REGEX", 1)]      // named backreference
    [InlineData(@"*\Ga", "UNSUPPORTED_REGEX", 1)]
    [InlineData(@"*[\Q]", "UNSUPPORTED_REGEX", 1)]
    [InlineData("*.{100000}", "UNSUPPORTED_REGEX", 1)]          // beyond the engine's automaton size limit
    [InlineData(@"*a\", "INVALID_REGEX", 1)]
    [InlineData(@"?a\_", "INVALID_REGEX", 1)]
    public void SEL_50_invalid_selectors(string selector, string reason, int position)
    {
        var e = AssertInvalid(selector, reason, position);

        Assert.StartsWith($"INVALID_SELECTOR: ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"at position {position} of '", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alpha//beta", "EMPTY_SEGMENT")]
    [InlineData(">alpha//", "TRAILING_SLASH")]
    [InlineData(">a/\t", "CONTROL_CHARACTER")]
    public void SEL_50_invalid_path_carries_the_topic_path_reason(string selector, string pathReason)
    {
        var e = Assert.ThrowsAny<TopiaryException>(() => TopicSelector.Parse(selector));

        Assert.Equal(pathReason, (string?)e.Error.Details!["pathReason"]);
    }

    [Fact]
    public void SEL_13_a_qualifier_on_a_path_selector_gets_the_hint()
    {
        var e = AssertInvalid(">alpha//", "INVALID_PATH", 6);

        Assert.Equal(
            "INVALID_SELECTOR: trailing '/' in path selector at position 6 of '>alpha//'; a topic path does not end with '/'; "
            + "path selectors take no descendant qualifier; use ?path//",
            e.Message);
    }

    [Fact]
    public void SEL_26_invalid_regex_carries_the_part_position_the_engine_reason_and_its_offset()
    {
        var e = AssertInvalid("?alpha/[^/]+", "INVALID_REGEX", 7);

        var details = e.Error.Details!;
        Assert.Equal("Invalid pattern '[^' at offset 2. Unterminated [] set.", (string?)details["regexError"]);
        Assert.Equal(2, (int?)details["regexPosition"]);
        Assert.Equal(
            "INVALID_SELECTOR: invalid regular expression in part 2 at position 7 of '?alpha/[^/]+' "
            + "(at offset 2 of the expression: Unterminated [] set.); split-path parts cannot contain '/' "
            + "(the text is split at every '/', even inside [...] or after '\\'); a part only ever sees one segment, "
            + "so write '.+' rather than '[^/]+'",
            e.Message);
    }

    [Fact]
    public void SEL_26_unsupported_regex_names_the_construct()
    {
        var e = AssertInvalid(@"*(alpha)\1", "UNSUPPORTED_REGEX", 1);

        Assert.Contains("backreference", (string?)e.Error.Details!["regexError"], StringComparison.Ordinal);
        Assert.Contains("linear-time engine", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SEL_51_a_selector_of_4096_characters_is_accepted_and_4097_is_too_long()
    {
        var longest = "?" + TestText.Segments(16, new string('a', 255)); // 1 + 16 * 256 - 1 characters

        var parsed = TopicSelector.Parse(longest);

        Assert.Equal(TopicSelector.MaxLength, longest.Length);
        Assert.Equal(TestText.Segments(4, new string('a', 255)), parsed.PathPrefix); // cut to the 1,024-byte path limit
        AssertInvalid(longest + "a", "TOO_LONG", 4096);
        AssertInvalid(new string('a', 4097), "TOO_LONG", 4096); // checked before anything else
    }

    [Fact]
    public void SEL_25_a_pattern_beyond_the_engine_automaton_limit_is_unsupported()
    {
        var e = AssertInvalid("*" + new string('a', 3000) + ".*", "UNSUPPORTED_REGEX", 1);

        // A literal needs no automaton, however long.
        Assert.True(TopicSelector.Parse("*" + new string('a', 4095)).Selects(new string('a', 4095)));

        Assert.Contains("automata", (string?)e.Error.Details!["regexError"], StringComparison.Ordinal);
    }

    [Fact]
    public void SEL_51_a_set_of_256_members_is_accepted_and_257_is_too_many()
    {
        string Set(int members) => "#" + string.Join("////", Enumerable.Range(0, members).Select(i => $"m{i}"));

        Assert.Equal(256, TopicSelector.Parse(Set(256)).Members.Count);
        var tooMany = Set(257);
        AssertInvalid(tooMany, "TOO_MANY_MEMBERS", tooMany.IndexOf("m256", StringComparison.Ordinal));
    }

    [Fact]
    public void SEL_51_a_split_path_pattern_of_64_parts_is_accepted_and_65_is_too_many()
    {
        Assert.Equal(64, Assert.IsType<SplitPathSelector>(TopicSelector.Parse("?" + TestText.Segments(64, ".*"))).Parts.Count);

        AssertInvalid("?" + TestText.Segments(65, ".*"), "TOO_MANY_PARTS", 1 + (64 * 3));
    }

    [Fact]
    public void SEL_52_null_is_an_empty_selector()
    {
        AssertInvalid(null!, "EMPTY", 0);
    }

    [Fact]
    public void SEL_50_try_parse_returns_the_same_envelope_that_parse_throws()
    {
        Assert.False(TopicSelector.TryParse("?a//b", out var selector, out var error));
        var e = Assert.ThrowsAny<TopiaryException>(() => TopicSelector.Parse("?a//b"));

        Assert.Null(selector);
        Assert.Equal(error.Message, e.Error.Message);
        Assert.Equal(error.Details!.ToJsonString(), e.Error.Details!.ToJsonString());
        Assert.True(TopicSelector.TryParse("?a/b", out selector, out error));
        Assert.Null(error);
        Assert.Equal("?a/b", selector.Expression);
    }

    private static TopiaryException AssertInvalid(string selector, string reason, int position)
    {
        var e = Assert.ThrowsAny<TopiaryException>(() => TopicSelector.Parse(selector));
        Assert.IsType<TopiaryArgumentException>(e);
        Assert.Equal(ErrorCode.InvalidSelector, e.Code);
        Assert.Equal("INVALID_SELECTOR", e.Error.Name);
        Assert.False(e.Error.Retryable);
        var details = e.Error.Details!;
        Assert.Equal(selector ?? string.Empty, (string?)details["selector"]);
        Assert.Equal(reason, (string?)details["reason"]);
        Assert.Equal(position, (int?)details["position"]);

        Assert.False(TopicSelector.TryParse(selector!, out _, out var envelope));
        Assert.Equal(e.Error.Message, envelope.Message);
        return e;
    }
}
