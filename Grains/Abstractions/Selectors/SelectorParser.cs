using System.Diagnostics.CodeAnalysis;
using Topiary.Topics;

namespace Topiary.Selectors;

/// <summary>
/// The selector grammar of SEL-10..SEL-14, uncached (see <see cref="SelectorCache"/>). One instance
/// parses one text; every error position is an offset in that whole text, also inside set members.
/// </summary>
internal sealed partial class SelectorParser
{
    private const string SetSeparator = "////";

    private readonly string _text;

    private SelectorParser(string text) => _text = text;

    /// <summary>Parses any string (null is empty); never throws.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TopicSelector? selector, [NotNullWhen(false)] out SelectorError? error)
    {
        var parser = new SelectorParser(text ?? string.Empty);
        selector = parser.ParseSelector(out error);
        return selector is not null;
    }

    private TopicSelector? ParseSelector(out SelectorError? error)
    {
        if (_text.Length > TopicSelector.MaxLength)
        {
            error = Error(SelectorErrorReason.TooLong, TopicSelector.MaxLength,
                $"selector of {_text.Length} characters",
                "a selector is at most 4,096 characters");
            return null;
        }
        if (_text.Length == 0)
        {
            error = Error(SelectorErrorReason.Empty, 0, "empty selector",
                "a selector is a topic path ('a/b' or '>a/b'), a split-path pattern ('?a/.*'), "
                + "a full-path pattern ('*a/.*') or a set of those ('#a////?b/.*')");
            return null;
        }
        return _text[0] == '#' ? ParseSet(out error) : ParseMember(0, _text.Length, out error);
    }

    /// <summary>A selector that is not a set: <c>_text[start..end]</c>, non-empty.</summary>
    private TopicSelector? ParseMember(int start, int end, out SelectorError? error)
    {
        switch (_text[start])
        {
            case '>':
                return ParsePath(start + 1, end, out error);
            case '?':
                return ParseSplitPath(start + 1, end, out error);
            case '*':
                return ParseFullPath(start + 1, end, out error);
            case '$' or '%' or '&' or '<':
                var first = _text[start];
                error = Error(SelectorErrorReason.ReservedPrefix, start, $"reserved first character '{first}'",
                    "'$', '%', '&' and '<' cannot start a selector; to select a path that starts with one "
                    + $"of them write '>' first, e.g. '>{first}x'");
                return null;
            default:
                return ParsePath(start, end, out error);
        }
    }

    /// <summary>SEL-13: at most one leading and one trailing '/' are ignored; the rest is a topic path.</summary>
    private PathSelector? ParsePath(int start, int end, out SelectorError? error)
    {
        if (start == end)
        {
            error = Error(SelectorErrorReason.Empty, start, "nothing after '>'", "a path selector names a topic path, e.g. '>a/b'");
            return null;
        }
        var (from, to) = (start, end);
        if (_text[from] == '/')
        {
            from++;
        }
        if (to > from && _text[to - 1] == '/')
        {
            to--;
        }
        if (from == to)
        {
            error = Error(SelectorErrorReason.Empty, start, "no path in path selector", "a path selector names a topic path, e.g. '>a/b'");
            return null;
        }
        var body = _text.AsSpan(from, to - from);
        if (!TopicPath.TryScan(body, forAdd: false, out var reason, out var position))
        {
            // A body ending in "//" is most likely an attempted qualifier.
            var hint = end - start >= 2 && _text[end - 1] == '/' && _text[end - 2] == '/'
                ? "; path selectors take no descendant qualifier; use ?path//"
                : string.Empty;
            error = Error(SelectorErrorReason.InvalidPath, from + position,
                PathErrorText.What(reason, body, position) + " in path selector",
                PathErrorText.Allowed(reason) + hint) with { PathReason = reason };
            return null;
        }
        error = null;
        return new PathSelector(body.ToString());
    }

    /// <summary>"what at position p of 'selector' (detail); allowed", the shape of every Topiary error message.</summary>
    private SelectorError Error(string reason, int position, string what, string allowed, string detail = "") =>
        new(reason, position, $"{what} at position {position} of {DisplayText.Quote(_text)}{detail}; {allowed}");
}
