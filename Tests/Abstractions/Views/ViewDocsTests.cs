using System.Text.RegularExpressions;
using Topiary.Views;

namespace Topiary.Tests.Abstractions.Views;

/// <summary>
/// The specifications and the error message quoted in docs/topic-views.md are checked against the
/// parser, so the user documentation cannot drift from it.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed partial class ViewDocsTests
{
    private static readonly string Docs = RepositoryFiles.ReadAllText("docs/topic-views.md");

    [Fact]
    public void Docs_every_quoted_whole_specification_parses()
    {
        var quoted = InlineSpecification().Matches(Docs).Select(m => m.Groups[1].Value)
            .Concat(BlockSpecification().Matches(Docs).Select(m => m.Groups[1].Value.Trim()))
            .ToList();
        Assert.True(quoted.Count >= 5, $"only {quoted.Count} specifications found in the docs");
        foreach (var text in quoted)
        {
            Assert.True(ViewSpecification.TryParse(text, out _, out var error), $"'{text}' in the docs does not parse: {error?.Message}");
        }
    }

    [Fact]
    public void Docs_error_example_is_what_the_parser_says()
    {
        var block = ErrorBlock().Match(Docs);
        Assert.True(block.Success, "the INVALID_THROTTLE example is missing from the docs");
        var documented = Regex.Replace(block.Groups[1].Value.Trim(), @"\s*\n\s*", " ");
        Assert.False(ViewSpecification.TryParse("map ?a/ to b/<path(1)> throttle to 0 updates every 5 seconds", out _, out var error));
        Assert.Equal(documented, error!.Message);
    }

    // `map … to …` code spans that hold a whole specification (not grammar outlines or ones cut short by "…").
    [GeneratedRegex(@"`(map (?!<)[^`…]+ to [^`…]+)`")]
    private static partial Regex InlineSpecification();

    [GeneratedRegex(@"```\n(map [^`]+?)```")]
    private static partial Regex BlockSpecification();

    [GeneratedRegex(@"```\n(INVALID_VIEW_SPECIFICATION: INVALID_THROTTLE[^`]+)```")]
    private static partial Regex ErrorBlock();
}
