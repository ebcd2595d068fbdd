using Topiary.Selectors;

namespace Topiary.Tests.Abstractions.Selectors;

/// <summary>The example table of spec/selectors.md §8, every row, then further cases of ours.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class SelectorExampleTableTests
{
    [Theory]
    [InlineData(1, ">alpha/beta", "alpha/beta", true, "alpha/beta")]
    [InlineData(2, ">alpha/beta", "alpha/beta/gamma", false, "alpha/beta")]
    [InlineData(3, "alpha/beta", "alpha/beta", true, "alpha/beta")]
    [InlineData(4, "alpha/beta", "alpha", false, "alpha/beta")]
    [InlineData(5, ">/alpha/beta/", "alpha/beta", true, "alpha/beta")]
    [InlineData(6, "/alpha/beta", "alpha/beta", true, "alpha/beta")]
    [InlineData(7, ">alpha/beta/", "alpha/beta/gamma", false, "alpha/beta")]
    [InlineData(8, ">.*/.*", "alpha/beta", false, ".*/.*")]
    [InlineData(9, "?alpha/beta", "alpha/beta", true, "alpha/beta")]
    [InlineData(10, "?alpha/beta", "alpha/beta/gamma", false, "alpha/beta")]
    [InlineData(11, "?.*", "alpha/beta", false, "")]
    [InlineData(12, "?.*", "alpha", true, "")]
    [InlineData(13, "?.*/.*", "alpha/beta", true, "")]
    [InlineData(14, "?.*/.*", "alpha/beta/gamma", false, "")]
    [InlineData(15, "?alpha/beta/", "alpha/beta", false, "alpha/beta")]
    [InlineData(16, "?alpha/beta/", "alpha/beta/gamma", true, "alpha/beta")]
    [InlineData(17, "?alpha/beta/", "alpha/beta/gamma/delta", true, "alpha/beta")]
    [InlineData(18, "?alpha/beta//", "alpha/beta", true, "alpha/beta")]
    [InlineData(19, "?alpha/beta//", "alpha/beta/gamma", true, "alpha/beta")]
    [InlineData(20, "?alpha//", "alphabet", false, "alpha")]
    [InlineData(21, "?alpha/.*//", "alpha", false, "alpha")]
    [InlineData(22, "?alpha/.*//", "alpha/x/y", true, "alpha")]
    [InlineData(23, "?a.*/b", "alpha/b", true, "")]
    [InlineData(24, "?a.*/b", "alpha/beta", false, "")]
    [InlineData(25, "?alpha/b[aeiou]ta", "alpha/beta", true, "alpha")]
    [InlineData(26, "?alpha/.+", "alpha/beta", true, "alpha")]
    [InlineData(27, "?alpha/.+", "alpha/beta/gamma", false, "alpha")]
    [InlineData(28, "?/alpha/beta", "alpha/beta", true, "alpha/beta")]
    [InlineData(29, "?alpha|omega/beta", "omega/beta", true, "")]
    [InlineData(30, "*alpha/beta", "alpha/beta", true, "alpha/beta")]
    [InlineData(31, "*alpha/beta", "alpha/beta/gamma", false, "alpha/beta")]
    [InlineData(32, "*.*beta", "alpha/beta", true, "")]
    [InlineData(33, "*.*", "alpha/beta/gamma", true, "")]
    [InlineData(34, "*.*", "alpha", true, "")]
    [InlineData(35, "*alpha/beta/", "alpha/beta", false, "alpha/beta")]
    [InlineData(36, "*alpha/beta/", "alpha/beta/gamma", true, "alpha/beta")]
    [InlineData(37, "*alpha/beta//", "alpha/beta", true, "alpha/beta")]
    [InlineData(38, "*alpha/beta//", "alpha/beta/gamma/delta", true, "alpha/beta")]
    [InlineData(39, "*alpha/[^/]+", "alpha/beta", true, "alpha")]
    [InlineData(40, "*alpha/[^/]+", "alpha/beta/gamma", false, "alpha")]
    [InlineData(41, "*alpha.*", "alphabet/soup", true, "")]
    [InlineData(42, "*alpha", "alphabet", false, "alpha")]
    [InlineData(43, "*a|b", "b", true, "")]
    [InlineData(44, "*a|b//", "b/c", true, "")]
    [InlineData(45, "#alpha////beta", "beta", true, "")]
    [InlineData(46, "#alpha////beta", "alpha/beta", false, "")]
    [InlineData(47, "#>alpha////?beta/.*", "beta/x", true, "")]
    [InlineData(48, "#?alpha/.*////*gamma/.*//", "gamma/x/y", true, "")]
    [InlineData(49, "#alpha////#beta", "beta", true, "")]
    [InlineData(50, "?Alpha/beta", "alpha/beta", false, "Alpha/beta")]
    [InlineData(51, "?(?i)Alpha/beta", "alpha/beta", true, "")]
    [InlineData(52, @"?\d+/x", "123/x", true, "")]
    [InlineData(53, "?sensors/t[0-9]+", "sensors/t42", true, "sensors")]
    [InlineData(54, "?sensors/t[0-9]+", "sensors/t4a", false, "sensors")]
    [InlineData(55, "*sensors/.*/temp", "sensors/floor1/room2/temp", true, "sensors")]
    [InlineData(56, "?sensors/.*/temp", "sensors/floor1/room2/temp", false, "sensors")]
    public void SEL_8_example_table(int row, string selector, string path, bool selects, string prefix)
    {
        var parsed = TopicSelector.Parse(selector);

        Assert.True(selects == parsed.Selects(path), $"row {row}: '{selector}' selects '{path}' should be {selects}");
        Assert.Equal(prefix, parsed.PathPrefix);
    }

    [Theory]
    [InlineData(">$sys/x", "$sys/x", true)]              // SEL-4: reserved first characters need an explicit '>'
    [InlineData(">?odd/name", "?odd/name", true)]         // SEL-4
    [InlineData(">#tag", "#tag", true)]                   // SEL-4
    [InlineData(">>x", ">x", true)]                       // SEL-13: only the first '>' is syntax
    [InlineData("a b/c", "a b/c", true)]                  // SEL-3: whitespace is part of the selector
    [InlineData(" a", "a", false)]                        // SEL-3: callers do not trim
    [InlineData(">alpha/", "alpha", true)]                // SEL-13: a trailing '/' is ignored
    [InlineData(">alpha/", "alpha/beta", false)]          // SEL-13: ... and is not a qualifier
    [InlineData("?(?i)NEWS/uk", "news/uk", true)]         // SEL-25: inline options apply to their part
    [InlineData("?(?i)NEWS/uk", "news/UK", false)]        // SEL-25
    [InlineData("?a/(?i)B", "a/b", true)]                 // SEL-25
    [InlineData("?a/(?i)B", "A/b", false)]                // SEL-25
    [InlineData("*(?i)alpha/beta", "ALPHA/Beta", true)]   // SEL-25
    [InlineData(@"?\d/x", "\u0663/x", true)]              // SEL-25: \d is any Unicode digit
    [InlineData("?[0-9]/x", "\u0663/x", false)]           // SEL-25: [0-9] is ASCII only
    [InlineData("*(?x) a b c # a comment", "abc", true)]  // an end-of-line comment cannot swallow the anchors
    [InlineData("?(?x)a#c/b", "a/b", true)]               // SEL-12: '#' comment ends at the part boundary
    [InlineData("*a|b//", "a/x", true)]                   // SEL-22: the qualifier covers the whole alternation
    [InlineData("*a|b//", "ab", false)]                   // SEL-22: full match of the group
    [InlineData("*a/", "a/b/c", true)]                    // SEL-22: descendants at any depth
    [InlineData("*.*/", "a", false)]                      // SEL-22: a top-level path has no ancestors
    [InlineData("*.*/", "a/b", true)]
    [InlineData("?.*/", "a", false)]                      // SEL-21: n > k
    [InlineData("?.+//", "a", true)]                      // SEL-21: n >= k
    [InlineData("?.+//", "a/b/c", true)]
    [InlineData("#>a////*b//", "b/c", true)]              // SEL-23
    [InlineData("#>a////*b//", "a/b", false)]
    [InlineData("#?a/.*/////b", "a/x/y", true)]           // SEL-14: the first member is "?a/.*/"
    [InlineData("#?a/.*/////b", "a/x", false)]
    [InlineData("#?a/.*/////b", "b", true)]
    [InlineData("#?a//////b", "a", true)]                 // SEL-14: the first member is "?a//"
    [InlineData("#?a//////b", "a/x", true)]
    [InlineData(@"*.*\.json", "a/b.json", true)]
    [InlineData(@"*.*\.json", "a/bjson", false)]
    [InlineData(@"*a\/b", "a/b", true)]                   // an escaped '/' is still a '/'
    [InlineData("?^a$/b", "a/b", true)]                   // anchors inside a part are harmless
    [InlineData("?a/b", "a//b", false)]                   // SEL-21 on an invalid path: no match, no exception
    [InlineData("*.*", "", false)]                        // the empty string is not a path
    public void SEL_20_to_SEL_25_further_matching_cases(string selector, string path, bool selects)
    {
        Assert.Equal(selects, TopicSelector.Parse(selector).Selects(path));
    }

    [Theory]
    [InlineData(@"?a/b\.c/d.*", "a/b.c")]                 // SEL-30: escapes are removed
    [InlineData("*a/b/c", "a/b/c")]                       // SEL-30 examples
    [InlineData("*a/b.*", "a")]
    [InlineData("*a/*b", "")]                             // "a/*b" also matches "ab"
    [InlineData("*a/b|c/d", "")]
    [InlineData("#?a/b/.*////>a/b/c", "a/b")]
    [InlineData("#a////b", "")]
    [InlineData("#?a/b////?a/bc", "a")]                   // whole segments only
    [InlineData("#>x/y", "x/y")]                          // a one-member set
    [InlineData("*a/b+", "a")]
    [InlineData("*a/?b", "")]                             // the '/' after "a" is optional
    [InlineData("*a/{0}b", "")]
    [InlineData("?a/b{2}", "a")]
    [InlineData("*[|]/x", "")]                            // an unescaped '|' anywhere empties the prefix
    [InlineData(@"*a\|b/c", "a|b/c")]                     // an escaped one does not
    [InlineData(@"?\x41/b", "")]                          // an alphanumeric escape is not literal
    [InlineData(@"?\#a/b\ c", "#a/b c")]
    [InlineData(@"*\$x/y", "$x/y")]
    [InlineData("?a/(?i)b", "a")]
    [InlineData(@"*a\/b/c", "a/b/c")]                     // an escaped '/' stands for '/'
    [InlineData(@"*a\//b", "")]                           // ... but "a/" is not a path, so it ends the prefix
    [InlineData("*a///", "a")]                            // the pattern is "a/" with qualifier "//"
    [InlineData("?alpha/beta//", "alpha/beta")]           // the prefix never depends on the qualifier
    [InlineData("?alpha/beta/", "alpha/beta")]
    public void SEL_30_path_prefix(string selector, string prefix)
    {
        Assert.Equal(prefix, TopicSelector.Parse(selector).PathPrefix);
    }

    [Theory]
    [InlineData(">a", SelectorKind.Path)]
    [InlineData("a", SelectorKind.Path)]
    [InlineData("/a", SelectorKind.Path)]
    [InlineData("?a", SelectorKind.SplitPath)]
    [InlineData("*a", SelectorKind.FullPath)]
    [InlineData("#a", SelectorKind.Set)]
    public void SEL_1_first_character_decides_the_kind(string selector, SelectorKind kind)
    {
        Assert.Equal(kind, TopicSelector.Parse(selector).Kind);
    }
}
