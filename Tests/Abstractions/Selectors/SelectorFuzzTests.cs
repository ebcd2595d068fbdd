using System.Text;
using Topiary.Errors;
using Topiary.Selectors;
using Topiary.Topics;

namespace Topiary.Tests.Abstractions.Selectors;

/// <summary>
/// SEL-52 and ERR-31: for any string, parsing returns a selector or raises INVALID_SELECTOR with
/// consistent details, never anything else; a parsed selector round-trips through its canonical
/// expression, its prefix is a valid path that covers everything it selects, and matching never throws.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class SelectorFuzzTests
{
    private const string Alphabet = ">?*#$%&</\\.+()[]{}|^-,:=!'kQEdwGb019 aAé\t\0\u007f\uD800\uDC00\uFFFD";

    private static readonly string[] Seeds =
    [
        ">alpha/beta", "alpha/beta", ">/alpha/beta/", "?alpha/beta//", "?alpha/.*//", "?a.*/b", "?alpha|omega/beta",
        "*.*beta", "*alpha/[^/]+", "*a|b//", "#>alpha////?beta/.*", "#?alpha/.*////*gamma/.*//", "#alpha////#beta",
        "?(?i)Alpha/beta", @"?\d+/x", "*sensors/.*/temp", @"?a/b\.c/d.*", "*a/*b", "#?a/.*/////b", "#?a//////b",
        "?alpha/[^/]+", "*alpha/(beta", @"*(alpha)\1", "#alpha////", "*a////b", "*(?x)a b # c", @"?a/\Qb\E", "*a*+",
        "*(?=a)a", "?a{2,3}?/b", "*[a-z-[aeiou]]+/x", "*(?<n>a)(?:b)", @"*\p{L}+/\w", "?(?#c)a/b",
    ];

    private static readonly string[] Reasons =
    [
        "EMPTY", "RESERVED_PREFIX", "INVALID_PATH", "EMPTY_PART", "INVALID_REGEX", "UNSUPPORTED_REGEX",
        "SET_SEPARATOR_IN_PATTERN", "EMPTY_MEMBER", "TOO_LONG", "TOO_MANY_MEMBERS", "TOO_MANY_PARTS",
    ];

    [Fact]
    public void SEL_52_parse_returns_a_selector_or_invalid_selector_and_selects_never_throws()
    {
        var random = new Random(52);
        int valid = 0, invalid = 0;
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var input = Generate(random);
            try
            {
                if (CheckOne(input, random))
                {
                    valid++;
                }
                else
                {
                    invalid++;
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"iteration {iteration}, input '{Escape(input)}': {e}");
            }
        }

        Assert.True(valid > 300 && invalid > 300, $"poor coverage: {valid} valid, {invalid} invalid");
        // About a second on an idle machine; the bound only catches a hang (ERR-31), not slowness under load.
    }

    [Fact]
    public void SEL_20_to_SEL_22_escaped_paths_select_exactly_themselves()
    {
        var random = new Random(20);
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var path = RandomPath(random);
            var segments = path.Split('/');
            var split = TopicSelector.Parse("?" + string.Join('/', segments.Select(EscapeAll)));
            var full = TopicSelector.Parse("*" + EscapeAll(path));
            var exact = TopicSelector.Parse(">" + path);

            foreach (var selector in new[] { split, full, exact })
            {
                Assert.True(selector.Selects(path), $"{selector} should select '{Escape(path)}'");
                Assert.False(selector.Selects(path + "/x"));
                Assert.Equal(path, selector.PathPrefix);
            }
            Assert.True(TopicSelector.Parse(full.Expression + "//").Selects(path + "/x"));
        }
    }

    /// <summary>Checks every property for one input; returns whether it parsed.</summary>
    private static bool CheckOne(string input, Random random)
    {
        var parsed = TopicSelector.TryParse(input, out var selector, out var error);
        Exception? thrown = null;
        try
        {
            Assert.Equal(selector, TopicSelector.Parse(input));
        }
        catch (TopiaryException e)
        {
            thrown = e;
        }

        if (!parsed)
        {
            var e = Assert.IsAssignableFrom<TopiaryException>(thrown);
            Assert.Equal(ErrorCode.InvalidSelector, e.Code);
            Assert.Equal(error!.Message, e.Message);
            Assert.StartsWith("INVALID_SELECTOR: ", e.Message, StringComparison.Ordinal);
            var details = e.Error.Details!;
            Assert.Equal(input, (string?)details["selector"]);
            Assert.InRange((int)details["position"]!, 0, input.Length);
            var reason = (string)details["reason"]!;
            Assert.Contains(reason, Reasons);
            Assert.Equal(reason == "INVALID_PATH", details.ContainsKey("pathReason"));
            Assert.Equal(reason is "INVALID_REGEX" or "UNSUPPORTED_REGEX", details.ContainsKey("regexError"));
            return false;
        }

        Assert.Null(thrown);
        var again = TopicSelector.Parse(selector!.Expression);
        Assert.Equal(selector.Expression, again.Expression);
        Assert.Equal(selector.Kind, again.Kind);
        Assert.Equal(selector.PathPrefix, again.PathPrefix);
        Assert.Equal(selector.Kind == SelectorKind.Set, selector.Members.Count > 0);
        Assert.True(selector.PathPrefix.Length == 0 || TopicPath.TryValidate(selector.PathPrefix, out _));

        foreach (var path in CandidatePaths(selector, random))
        {
            if (selector.Selects(path) && selector.PathPrefix.Length > 0 && TopicPath.TryValidate(path, out _))
            {
                Assert.True(
                    path == selector.PathPrefix || path.StartsWith(selector.PathPrefix + "/", StringComparison.Ordinal),
                    $"'{selector}' selects '{Escape(path)}' outside its prefix '{selector.PathPrefix}'");
            }
        }
        return true;
    }

    private static IEnumerable<string> CandidatePaths(TopicSelector selector, Random random)
    {
        yield return selector.PathPrefix;
        yield return selector.PathPrefix + "/x";
        yield return selector.PathPrefix + "x";
        yield return "alpha/beta";
        yield return "a";
        yield return "";
        yield return "//";
        yield return "\uD800/a";
        yield return new string('a', 2000);
        yield return RandomPath(random);
        yield return RandomText(random, random.Next(0, 20));
    }

    private static string Generate(Random random) => random.Next(10) switch
    {
        0 or 1 => RandomText(random, random.Next(0, 24)),
        2 or 3 or 4 => Mutate(Seeds[random.Next(Seeds.Length)], random),
        5 => "#" + string.Join("////", Enumerable.Range(0, random.Next(1, 6)).Select(_ => Mutate(Seeds[random.Next(Seeds.Length)], random))),
        6 => "?><*#"[random.Next(5)] + new string('/', random.Next(0, 12)) + RandomText(random, random.Next(0, 3)) + new string('/', random.Next(0, 6)),
        7 => RandomText(random, random.Next(4000, 4200)),
        8 => Cut("#" + string.Join("////", Enumerable.Range(0, random.Next(200, 300)).Select(i => "?>*"[i % 3] + "m" + i)), 4100),
        _ => "?><*"[random.Next(4)] + string.Join('/', Enumerable.Range(0, random.Next(50, 70)).Select(_ => RandomText(random, random.Next(1, 3)).Replace('/', 'x'))),
    };

    private static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(5))
            {
                case 0:
                    text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 1 when at < text.Length:
                    text.Remove(at, 1);
                    break;
                case 2 when at < text.Length:
                    text[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    text.Insert(at, random.Next(2) == 0 ? "////" : "/");
                    break;
                default:
                    text.Insert(at, text.ToString(0, at));
                    break;
            }
        }
        return text.ToString();
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }
        return new string(chars);
    }

    private static string RandomPath(Random random)
    {
        const string safe = "abcXYZ019 .*+?()[]{}|^$#\\-é\uFFFD";
        return string.Join('/', Enumerable.Range(0, random.Next(1, 6)).Select(_ =>
            new string(Enumerable.Range(0, random.Next(1, 6)).Select(_ => safe[random.Next(safe.Length)]).ToArray())));
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

    /// <summary>A '\' before every character but letters, digits and '_' (which .NET would read as escapes).</summary>
    private static string EscapeAll(string text) =>
        string.Concat(text.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c.ToString() : "\\" + c));

    private static string Escape(string text) =>
        text.Length > 300 ? Escape(text[..300]) + "…" :
        string.Concat(text.Select(c => c < 0x20 || char.IsSurrogate(c) || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
