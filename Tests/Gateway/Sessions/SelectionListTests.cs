using System.Globalization;
using Topiary.Gateway.Sessions;
using Topiary.Selectors;

namespace Topiary.Tests.Gateway.Sessions;

/// <summary>
/// A session's selections (TOP-51, TOP-52): an ordered list of select / deselect operations where
/// the last operation matching a path decides, identical selector texts are conflated, and the
/// list holds at most 10,000 operations.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class SelectionListTests
{
    [Fact]
    public void TOP_51_an_empty_list_selects_nothing()
    {
        var list = new SelectionList();

        Assert.False(list.IsSelected("a"));
        Assert.Empty(list.SelectedSelectors());
    }

    [Fact]
    public void TOP_51_a_path_is_selected_when_the_last_matching_operation_is_a_select()
    {
        var list = new SelectionList();
        Add(list, "?a//", select: true);
        Add(list, "?a/b//", select: false);
        Add(list, "a/b/c", select: true);

        Assert.True(list.IsSelected("a"));
        Assert.True(list.IsSelected("a/x"));
        Assert.False(list.IsSelected("a/b"));
        Assert.False(list.IsSelected("a/b/d"));
        Assert.True(list.IsSelected("a/b/c"));
        Assert.False(list.IsSelected("a/b/c/d"));
        Assert.False(list.IsSelected("b"));
    }

    [Fact]
    public void TOP_51_a_deselect_before_any_select_changes_nothing_and_a_later_select_wins()
    {
        var list = new SelectionList();
        Add(list, "?a//", select: false);
        Add(list, "a/b", select: true);

        Assert.True(list.IsSelected("a/b"));
        Assert.False(list.IsSelected("a/c"));
    }

    [Fact]
    public void TOP_51_selector_sets_and_full_path_patterns_match_like_their_members()
    {
        var list = new SelectionList();
        Add(list, "#?a//////*b/.*", select: true);
        Add(list, "*.*/x", select: false);

        Assert.True(list.IsSelected("a/y"));
        Assert.False(list.IsSelected("a/x"));
        Assert.True(list.IsSelected("b/z"));
        Assert.False(list.IsSelected("b/x"));
    }

    [Fact]
    public void TOP_52_an_operation_supersedes_an_earlier_one_with_the_same_selector_text()
    {
        var list = new SelectionList();
        Add(list, "?a//", select: true);
        Add(list, "a/b", select: false);
        Add(list, "?a//", select: true);

        // The conflated select now comes after the deselect, so it wins for a/b.
        Assert.Equal(2, list.Count);
        Assert.True(list.IsSelected("a/b"));

        Add(list, "?a//", select: false);
        Assert.Equal(2, list.Count);
        Assert.False(list.IsSelected("a/c"));
        Assert.Empty(list.SelectedSelectors());
    }

    [Fact]
    public void TOP_52_conflation_compares_canonical_text()
    {
        var list = new SelectionList();
        Add(list, "a/b", select: true);
        Add(list, ">a/b", select: true);
        Add(list, ">/a/b/", select: false);

        Assert.Equal(1, list.Count);
        Assert.False(list.IsSelected("a/b"));
    }

    [Fact]
    public void TOP_52_selectors_with_different_text_are_kept_apart_even_when_they_select_the_same_paths()
    {
        var list = new SelectionList();
        Add(list, "?a//", select: true);
        Add(list, "*a(/.*)?", select: true);

        Assert.Equal(2, list.Count);
        Assert.Equal(["?a//", "*a(/.*)?"], list.SelectedSelectors().Select(selector => selector.Expression));
    }

    [Fact]
    public void Selected_selectors_lists_select_operations_in_order()
    {
        var list = new SelectionList();
        Add(list, "x", select: true);
        Add(list, "y", select: false);
        Add(list, "z", select: true);

        Assert.Equal([">x", ">z"], list.SelectedSelectors().Select(selector => selector.Expression));
    }

    [Fact]
    public void TOP_52_the_list_holds_at_most_10000_operations_and_conflation_still_works_when_full()
    {
        var list = new SelectionList();
        for (var i = 0; i < SelectionList.MaxOperations; i++)
        {
            Assert.True(list.Add(Selector(i), select: i % 2 == 0), $"operation {i}");
        }

        Assert.Equal(10_000, list.Count);
        Assert.False(list.Add(Selector(10_000), select: true));
        Assert.False(list.Add(Selector(10_001), select: false));
        Assert.Equal(10_000, list.Count);
        Assert.False(list.IsSelected(Path(10_000)));

        // Same text as a held operation: it replaces it, so the count does not grow.
        Assert.True(list.Add(Selector(1), select: true));
        Assert.Equal(10_000, list.Count);
        Assert.True(list.IsSelected(Path(1)));
    }

    private static void Add(SelectionList list, string selector, bool select) =>
        Assert.True(list.Add(TopicSelector.Parse(selector), select));

    private static string Path(int i) => "s/" + i.ToString(CultureInfo.InvariantCulture);

    private static TopicSelector Selector(int i) => TopicSelector.Parse(Path(i));
}
