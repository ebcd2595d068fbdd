using Topiary.Topics;

namespace Topiary.Tests.Abstractions.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class TopicPathComparerTests
{
    private static readonly TopicPathComparer Comparer = TopicPathComparer.Instance;

    [Fact]
    public void TOP_6_example_order()
    {
        string[] expected = ["a", "a/b", "a/c", "a/c/x", "a/d", "b", "b/a/x"];
        var shuffled = expected.Reverse().ToList();
        (shuffled[1], shuffled[4]) = (shuffled[4], shuffled[1]);

        shuffled.Sort(Comparer);

        Assert.Equal(expected, shuffled);
    }

    [Theory]
    [InlineData("a", "a/b")]        // a path sorts before its descendants
    [InlineData("a/b", "ab")]       // segment "a" is shorter than "ab", whatever follows
    [InlineData("a/b", "a-c")]      // '-' (U+002D) is below '/' (U+002F) but segment "a" still ends first
    [InlineData("a/z", "a0")]
    [InlineData("a", "ab")]
    [InlineData("B", "a")]          // ordinal, case-sensitive
    [InlineData("a/b/c", "a/c")]
    public void TOP_6_first_sorts_before_second(string first, string second)
    {
        Assert.True(Comparer.Compare(first, second) < 0);
        Assert.True(Comparer.Compare(second, first) > 0);
        Assert.Equal(0, Comparer.Compare(first, new string(first.AsSpan())));
    }

    [Fact]
    public void TOP_4_segments_compare_by_code_point_not_by_utf16_code_unit()
    {
        // U+FFFD is below U+1F600, although its UTF-16 code unit is above the surrogate U+D83D.
        Assert.True(Comparer.Compare("x/\uFFFD", "x/\U0001F600") < 0);
        Assert.True(Comparer.Compare("\U0001F600", "\U0001F601") < 0);
        Assert.True(Comparer.Compare("\uE000", "\uD7FF") > 0);
    }

    [Fact]
    public void Null_sorts_first_and_equals_itself()
    {
        Assert.Equal(0, Comparer.Compare(null, null));
        Assert.True(Comparer.Compare(null, "a") < 0);
        Assert.True(Comparer.Compare("a", null) > 0);
    }

    [Fact]
    public void TOP_6_order_equals_segment_by_segment_comparison_for_random_paths()
    {
        var random = new Random(6);
        const string alphabet = "ab/-.0\u00e9\uFFFD";
        var paths = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 8)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }
            paths.Add(new string(chars));
        }

        for (var i = 0; i + 1 < paths.Count; i++)
        {
            Assert.Equal(Math.Sign(Reference(paths[i], paths[i + 1])), Math.Sign(Comparer.Compare(paths[i], paths[i + 1])));
        }
    }

    [Fact]
    public void TOP_6_compare_does_not_allocate()
    {
        var x = "sensors/floor1/room2/temperature";
        var y = "sensors/floor1/room2/temperature/celsius";
        Comparer.Compare(x, y);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0;
        for (var i = 0; i < 10_000; i++)
        {
            sum += Comparer.Compare(x, y) + Comparer.Compare(y, "sensors/floor1/room3");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0, sum);
    }

    /// <summary>The definition: split into segments, compare them pairwise by code point, fewer segments first.</summary>
    private static int Reference(string x, string y)
    {
        var a = x.Split('/');
        var b = y.Split('/');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = CompareByCodePoint(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    private static int CompareByCodePoint(string x, string y)
    {
        var a = x.EnumerateRunes().Select(r => r.Value).ToArray();
        var b = y.EnumerateRunes().Select(r => r.Value).ToArray();
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }
        return a.Length.CompareTo(b.Length);
    }
}
