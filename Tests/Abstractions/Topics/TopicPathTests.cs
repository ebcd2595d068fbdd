using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Tests.Abstractions.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class TopicPathTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("alpha/beta/gamma")]
    [InlineData("a b/c d")]                       // TOP-2: spaces are allowed
    [InlineData("#a/?b/*c/>d/<e/%f/&g")]          // TOP-2: punctuation is allowed (SEL-4 is about selectors)
    [InlineData("quotes '\"/dots ./..")]
    [InlineData("café/caf{U+0065}{U+0301}")]      // TOP-4: no normalisation, both forms valid
    [InlineData("emoji/{U+D83D}{U+DE00}")]        // a surrogate pair is one scalar value
    [InlineData("c1/{U+0080}{U+009F}")]           // only C0 controls and DEL are excluded
    [InlineData("noncharacter/{U+FFFE}{U+FFFF}")]
    [InlineData("a/$b")]                          // '$' is reserved only at the start
    public void TOP_1_TOP_2_valid_paths_pass(string encoded)
    {
        var path = TestText.Decode(encoded);

        TopicPath.Validate(path);
        TopicPath.ValidateForAdd(path);
        Assert.True(TopicPath.TryValidate(path, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "EMPTY", 0)]
    [InlineData("a/b//c", "EMPTY_SEGMENT", 4)]
    [InlineData("a//", "EMPTY_SEGMENT", 2)]               // the second '/' of "//" is blamed, even at the end
    [InlineData("/", "LEADING_SLASH", 0)]
    [InlineData("/a/b", "LEADING_SLASH", 0)]
    [InlineData("//a", "LEADING_SLASH", 0)]
    [InlineData("a/b/", "TRAILING_SLASH", 3)]
    [InlineData("a{U+0009}b", "CONTROL_CHARACTER", 1)]
    [InlineData("{U+0000}", "CONTROL_CHARACTER", 0)]
    [InlineData("a/b{U+001F}", "CONTROL_CHARACTER", 3)]
    [InlineData("a/{U+007F}", "CONTROL_CHARACTER", 2)]
    [InlineData("a{U+D800}", "INVALID_UNICODE", 1)]        // high surrogate at the end
    [InlineData("a{U+D800}b", "INVALID_UNICODE", 1)]       // high surrogate before a non-surrogate
    [InlineData("a{U+DC00}b", "INVALID_UNICODE", 1)]       // lone low surrogate
    [InlineData("{U+DE00}{U+D83D}", "INVALID_UNICODE", 0)] // a pair in the wrong order
    [InlineData("a//b{U+0000}", "EMPTY_SEGMENT", 2)]       // the first offending character wins
    [InlineData("a{U+0000}//b", "CONTROL_CHARACTER", 1)]
    public void TOP_8_invalid_paths_report_reason_and_position(string encoded, string reason, int position)
    {
        var path = TestText.Decode(encoded);

        AssertInvalid(path, reason, position);
    }

    [Fact]
    public void TOP_8_message_says_what_where_and_what_is_allowed()
    {
        var e = Assert.ThrowsAny<TopiaryException>(() => TopicPath.Validate("a/b//c"));

        Assert.Equal(
            "INVALID_PATH: empty segment at position 4 of 'a/b//c'; segments are separated by a single '/' and may not be empty",
            e.Message);
        Assert.IsType<TopiaryArgumentException>(e);
        Assert.Equal(ErrorCode.InvalidPath, e.Code);
        Assert.False(e.Error.Retryable);
        Assert.Equal(ErrorEnvelope.NotApplied, e.Error.Outcome);
    }

    [Fact]
    public void TOP_8_message_escapes_control_characters_and_names_them()
    {
        Assert.False(TopicPath.TryValidate("a\tb", out var error));

        Assert.Equal(
            "control character U+0009 at position 1 of 'a\\u0009b'; segments may not contain U+0000–U+001F or U+007F",
            error.Message);
    }

    [Fact]
    public void TOP_3_a_path_of_exactly_1024_bytes_is_valid_and_one_more_byte_is_too_long()
    {
        var path = new string('a', 254) + "/" + TestText.Segments(3, new string('a', 255)) + "/b"; // 254 + 1 + 767 + 2 = 1024 bytes

        TopicPath.Validate(path);
        AssertInvalid(path + "c", PathErrorReason.TooLong, 1024);
        AssertInvalid(path + "/c", PathErrorReason.TooLong, 1024); // the '/' itself crosses the limit
    }

    [Fact]
    public void TOP_3_the_byte_limit_counts_utf8_not_characters()
    {
        var path = TestText.Segments(5, new string('é', 100)) + "/" + new string('é', 20); // 1004 + 1 + 40 = 1045 bytes

        // Bytes run out at 1024: 5*200 + 5 slashes = 1005, then 19 more bytes fit 9 'é'; the 10th crosses.
        AssertInvalid(path, PathErrorReason.TooLong, 505 + 9);
    }

    [Fact]
    public void TOP_3_a_segment_of_255_bytes_is_valid_and_256_is_too_long()
    {
        TopicPath.Validate("x/" + new string('a', 255));

        AssertInvalid("x/" + new string('a', 256), PathErrorReason.SegmentTooLong, 2 + 255);
        AssertInvalid(new string('é', 128), PathErrorReason.SegmentTooLong, 127);                     // 2-byte characters
        AssertInvalid(new string('€', 86), PathErrorReason.SegmentTooLong, 85);                       // 3-byte characters
        AssertInvalid(string.Concat(Enumerable.Repeat("\U0001F600", 64)), PathErrorReason.SegmentTooLong, 126); // 4-byte pairs
    }

    [Fact]
    public void TOP_3_64_segments_are_valid_and_segment_65_is_blamed_on_its_first_character()
    {
        TopicPath.Validate(TestText.Segments(64));

        AssertInvalid(TestText.Segments(65), PathErrorReason.TooManySegments, 128);
        AssertInvalid(TestText.Segments(64, "bb") + "/c", PathErrorReason.TooManySegments, 64 * 3);
    }

    [Fact]
    public void TOP_5_adding_under_dollar_is_reserved_but_validating_is_not()
    {
        TopicPath.Validate("$sys/metrics");

        Assert.False(TopicPath.TryValidateForAdd("$sys/metrics", out var error));
        Assert.Equal((PathErrorReason.Reserved, 0), (error.Reason, error.Position));
        var e = Assert.ThrowsAny<TopiaryException>(() => TopicPath.ValidateForAdd("$sys/metrics"));
        Assert.Equal(PathErrorReason.Reserved, (string?)e.Error.Details!["reason"]);
        Assert.StartsWith("INVALID_PATH: first segment starting with '$' at position 0 of '$sys/metrics'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TOP_8_validate_for_add_reports_other_problems_the_same_way()
    {
        Assert.False(TopicPath.TryValidateForAdd("a//b", out var error));

        Assert.Equal((PathErrorReason.EmptySegment, 2), (error.Reason, error.Position));
    }

    [Fact]
    public void TOP_8_null_is_treated_as_the_empty_path()
    {
        AssertInvalid(null!, PathErrorReason.Empty, 0);
    }

    [Fact]
    public void TOP_8_very_long_input_is_rejected_after_scanning_only_up_to_the_limit()
    {
        var path = new string('a', 10_000_000);

        AssertInvalid(path, PathErrorReason.SegmentTooLong, 255);
    }

    [Fact]
    public void TOP_8_long_paths_are_cut_in_the_message_but_kept_whole_in_the_details()
    {
        var path = new string('a', 300);

        var e = Assert.ThrowsAny<TopiaryException>(() => TopicPath.Validate(path));

        Assert.Contains("(cut; 300 characters in all)", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, (string?)e.Error.Details!["path"]);
    }

    private static void AssertInvalid(string path, string reason, int position)
    {
        Assert.False(TopicPath.TryValidate(path, out var error));
        Assert.Equal((reason, position), (error.Reason, error.Position));

        var e = Assert.ThrowsAny<TopiaryException>(() => TopicPath.Validate(path));
        Assert.Equal(ErrorCode.InvalidPath, e.Code);
        Assert.Equal("INVALID_PATH: " + error.Message, e.Message);
        var details = e.Error.Details!;
        Assert.Equal(path ?? string.Empty, (string?)details["path"]);
        Assert.Equal(position, (int?)details["position"]);
        Assert.Equal(reason, (string?)details["reason"]);
        Assert.Equal(3, details.Count);
    }
}
