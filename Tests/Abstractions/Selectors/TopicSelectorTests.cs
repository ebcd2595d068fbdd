using Topiary.Selectors;

namespace Topiary.Tests.Abstractions.Selectors;

/// <summary>What SEL-31 says the parser exposes: kind, canonical expression, prefix, members, selects.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class TopicSelectorTests
{
    [Theory]
    [InlineData("alpha/beta", ">alpha/beta")]             // the implied '>' is added
    [InlineData("/alpha/beta/", ">alpha/beta")]           // ignorable '/' are dropped
    [InlineData(">/alpha/beta/", ">alpha/beta")]
    [InlineData("?/alpha/beta//", "?alpha/beta//")]
    [InlineData("?alpha/beta/", "?alpha/beta/")]
    [InlineData("*/a.*", "*a.*")]
    [InlineData("*///a", "*///a")]                        // the pattern "//a" keeps its own '/'
    [InlineData("*a///", "*a///")]                        // the pattern "a/" with qualifier "//"
    [InlineData("#a////#b", "#>a////>b")]                 // nested sets are flattened
    [InlineData("#?a/.*/////b", "#?a/.*/////>b")]
    [InlineData("##x", "#>x")]
    public void SEL_31_canonical_expression(string selector, string canonical)
    {
        var parsed = TopicSelector.Parse(selector);

        Assert.Equal(canonical, parsed.Expression);
        Assert.Equal(canonical, parsed.ToString());
        Assert.Equal(parsed, TopicSelector.Parse(canonical));
        Assert.Equal(parsed.GetHashCode(), TopicSelector.Parse(canonical).GetHashCode());
    }

    [Fact]
    public void SEL_31_selectors_are_equal_by_canonical_expression_only()
    {
        Assert.Equal(TopicSelector.Parse("a/b"), TopicSelector.Parse(">/a/b/"));
        Assert.NotEqual(TopicSelector.Parse("?a/b"), TopicSelector.Parse(">a/b"));
        Assert.False(TopicSelector.Parse("a").Equals(null));
        Assert.False(TopicSelector.Parse("a").Equals("a"));
    }

    [Fact]
    public void SEL_14_SEL_23_set_members_are_flattened_in_written_order()
    {
        var set = TopicSelector.Parse("#>alpha////#?beta/.*////*gamma//");

        Assert.Equal(SelectorKind.Set, set.Kind);
        Assert.Equal([">alpha", "?beta/.*", "*gamma//"], set.Members.Select(m => m.Expression));
        Assert.Equal(
            [SelectorKind.Path, SelectorKind.SplitPath, SelectorKind.FullPath],
            set.Members.Select(m => m.Kind));
        Assert.All(set.Members, m => Assert.Empty(m.Members));
    }

    [Fact]
    public void SEL_13_path_selector_exposes_its_path()
    {
        var selector = Assert.IsType<PathSelector>(TopicSelector.Parse("/a/b/"));

        Assert.Equal("a/b", selector.Path);
        Assert.Empty(selector.Members);
    }

    [Fact]
    public void SEL_11_SEL_12_split_path_selector_exposes_parts_and_qualifier()
    {
        var selector = Assert.IsType<SplitPathSelector>(TopicSelector.Parse("?/a/b.*/(?i)c//"));

        Assert.Equal(["a", "b.*", "(?i)c"], selector.Parts);
        Assert.Equal(DescendantQualifier.MatchesAndDescendants, selector.Qualifier);
        Assert.Equal(DescendantQualifier.DescendantsOnly, Assert.IsType<SplitPathSelector>(TopicSelector.Parse("?a/")).Qualifier);
        Assert.Equal(DescendantQualifier.None, Assert.IsType<SplitPathSelector>(TopicSelector.Parse("?a")).Qualifier);
    }

    [Fact]
    public void SEL_11_full_path_selector_exposes_pattern_and_qualifier()
    {
        var selector = Assert.IsType<FullPathSelector>(TopicSelector.Parse("*/a|b//"));

        Assert.Equal("a|b", selector.Pattern);
        Assert.Equal(DescendantQualifier.MatchesAndDescendants, selector.Qualifier);
        Assert.Equal(DescendantQualifier.DescendantsOnly, Assert.IsType<FullPathSelector>(TopicSelector.Parse("*a/")).Qualifier);
    }

    [Fact]
    public void SEL_24_matching_does_not_depend_on_ancestors_existing()
    {
        // Nothing but the path string goes in; the same answer for any tree.
        var selector = TopicSelector.Parse("?a/.*/c");

        Assert.True(selector.Selects("a/b/c"));
        Assert.True(selector.Selects("a/zzz/c"));
    }

    [Theory]
    [InlineData(">sensors/floor1/room2/temp")]
    [InlineData("?sensors/.+/room[0-9]+/temp")]
    [InlineData("?sensors/.*//")]
    [InlineData("*sensors/.*/temp")]
    [InlineData("*sensors/floor1//")]
    [InlineData("*sensors/floor1/")]
    public void SEL_20_to_SEL_22_matching_does_not_allocate(string expression)
    {
        var selector = TopicSelector.Parse(expression);
        string[] paths = ["sensors/floor1/room2/temp", "sensors/floor1", "other/floor1/room2/temp", "sensors/floor1/room2/temp/x"];
        for (var i = 0; i < 100; i++)
        {
            foreach (var path in paths)
            {
                selector.Selects(path); // the engine builds its automaton states lazily over the first calls
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var hits = 0;
        for (var i = 0; i < 1000; i++)
        {
            foreach (var path in paths)
            {
                hits += selector.Selects(path) ? 1 : 0;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(hits > 0);
    }

    [Fact]
    public void SEL_20_selects_never_throws_for_odd_strings()
    {
        string[] odd = [null!, "", "/", "//", "a//b", "\uD800", new string('/', 5000), new string('a', 100_000)];
        foreach (var expression in new[] { ">a", "?.*//", "*.*/", "#a////?.*////*.*" })
        {
            var selector = TopicSelector.Parse(expression);
            foreach (var path in odd)
            {
                _ = selector.Selects(path);
            }
        }
    }
}
