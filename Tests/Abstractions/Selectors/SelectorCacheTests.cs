using Topiary.Errors;
using Topiary.Selectors;

namespace Topiary.Tests.Abstractions.Selectors;

/// <summary>SEL-51: parsed selectors are cached by text in a bounded LRU.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class SelectorCacheTests
{
    [Fact]
    public void SEL_51_shared_cache_holds_10000_selectors_and_backs_parse()
    {
        Assert.Equal(10_000, SelectorCache.Shared.Capacity);
        Assert.Equal(SelectorCache.DefaultCapacity, SelectorCache.Shared.Capacity);

        var text = "?cache/" + Guid.NewGuid().ToString("N") + "/.*";
        Assert.Same(TopicSelector.Parse(text), SelectorCache.Shared.GetOrParse(text));
        Assert.True(TopicSelector.TryParse(text, out var again, out _));
        Assert.Same(TopicSelector.Parse(text), again);
    }

    [Fact]
    public void SEL_51_the_same_text_returns_the_same_instance()
    {
        var cache = new SelectorCache(10);

        var first = cache.GetOrParse("?a/.*");

        Assert.Same(first, cache.GetOrParse("?a/.*"));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void SEL_51_texts_with_the_same_canonical_form_are_cached_apart_but_equal()
    {
        var cache = new SelectorCache(10);

        var implied = cache.GetOrParse("a/b");
        var explicitPath = cache.GetOrParse(">a/b");

        Assert.NotSame(implied, explicitPath);
        Assert.Equal(implied, explicitPath);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void SEL_51_the_least_recently_used_selector_is_evicted_first()
    {
        var cache = new SelectorCache(2);
        var a = cache.GetOrParse("?a");
        var b = cache.GetOrParse("?b");

        Assert.Same(a, cache.GetOrParse("?a")); // "?a" is now more recent than "?b"
        cache.GetOrParse("?c");                  // evicts "?b"

        Assert.Equal(2, cache.Count);
        Assert.Same(a, cache.GetOrParse("?a"));
        Assert.NotSame(b, cache.GetOrParse("?b")); // parsed again, and evicts "?c"
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void SEL_51_invalid_selectors_are_not_cached_and_fail_every_time()
    {
        var cache = new SelectorCache(10);

        for (var i = 0; i < 2; i++)
        {
            var e = Assert.ThrowsAny<TopiaryException>(() => cache.GetOrParse("?a//b"));
            Assert.Equal(ErrorCode.InvalidSelector, e.Code);
        }
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void SEL_51_capacity_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SelectorCache(0));
        Assert.Equal(1, new SelectorCache(1).Capacity);
    }

    [Fact]
    public async Task SEL_51_concurrent_use_stays_bounded_and_consistent()
    {
        var cache = new SelectorCache(50);
        var texts = Enumerable.Range(0, 200).Select(i => $"?t{i % 120}/.*").ToArray();

        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var round = 0; round < 20; round++)
            {
                foreach (var text in texts)
                {
                    var selector = cache.GetOrParse(text);
                    Assert.Equal(text, selector.Expression);
                    Assert.True(cache.Count <= 50);
                }
            }
        }));
        await Task.WhenAll(workers);

        Assert.Equal(50, cache.Count);
    }
}
