namespace Topiary.Selectors;

/// <summary>Split-path and full-path patterns (SEL-11, SEL-12, SEL-25, SEL-26).</summary>
internal sealed partial class SelectorParser
{
    private const string SlashHint = "split-path parts cannot contain '/' (the text is split at every '/', even inside [...] "
        + "or after '\\'); a part only ever sees one segment, so write '.+' rather than '[^/]+'";

    private SplitPathSelector? ParseSplitPath(int start, int end, out SelectorError? error)
    {
        if (!TryStripQualifier(start, end, "split-path", out var from, out var to, out var qualifier, out error))
        {
            return null;
        }
        var ranges = new List<(int Start, int End)>();
        var partStart = from;
        for (var i = from; i <= to; i++)
        {
            if (i < to && _text[i] != '/')
            {
                continue;
            }
            if (i == partStart)
            {
                error = Error(SelectorErrorReason.EmptyPart, i, "empty part",
                    "a split-path pattern is non-empty regular expressions separated by single '/', "
                    + "optionally followed by '/' (descendants) or '//' (matches and descendants)");
                return null;
            }
            if (ranges.Count == TopicSelector.MaxParts)
            {
                error = Error(SelectorErrorReason.TooManyParts, partStart, $"more than {TopicSelector.MaxParts} parts",
                    $"a split-path pattern has at most {TopicSelector.MaxParts} parts, as a path has at most that many segments");
                return null;
            }
            ranges.Add((partStart, i));
            partStart = i + 1;
        }

        var parts = new string[ranges.Count];
        var matchers = new PatternMatcher[ranges.Count];
        for (var p = 0; p < ranges.Count; p++)
        {
            parts[p] = _text[ranges[p].Start..ranges[p].End];
            if (!PatternCompiler.TryCompile(parts[p], out var matcher, out var failure))
            {
                error = RegexError(failure, ranges[p].Start, $"part {p + 1}", splitPath: true);
                return null;
            }
            matchers[p] = matcher;
        }
        error = null;
        return new SplitPathSelector(parts, matchers, qualifier, PathPrefixes.ForSplitPath(parts));
    }

    private FullPathSelector? ParseFullPath(int start, int end, out SelectorError? error)
    {
        var separator = _text.AsSpan(start, end - start).IndexOf(SetSeparator, StringComparison.Ordinal);
        if (separator >= 0)
        {
            error = Error(SelectorErrorReason.SetSeparatorInPattern, start + separator, "'////' inside a full-path pattern",
                "'////' separates the members of a selector set, which starts with '#' (e.g. '#*a/.*////b')");
            return null;
        }
        if (!TryStripQualifier(start, end, "full-path", out var from, out var to, out var qualifier, out error))
        {
            return null;
        }
        var pattern = _text[from..to];
        if (!PatternCompiler.TryCompile(pattern, out var matcher, out var failure))
        {
            error = RegexError(failure, from, part: null, splitPath: false);
            return null;
        }
        return new FullPathSelector(pattern, matcher, qualifier, PathPrefixes.ForFullPath(pattern));
    }

    /// <summary>SEL-11: a trailing "//" or "/" is the qualifier; then one leading '/' is dropped; something must remain.</summary>
    private bool TryStripQualifier(int start, int end, string kind, out int from, out int to, out DescendantQualifier qualifier, out SelectorError? error)
    {
        (from, to, qualifier, error) = (start, end, DescendantQualifier.None, null);
        if (start == end)
        {
            error = Error(SelectorErrorReason.Empty, start, $"nothing after '{_text[start - 1]}'",
                $"a {kind} pattern needs a regular expression, e.g. '{_text[start - 1]}a/.*'");
            return false;
        }
        if (to - from >= 2 && _text[to - 1] == '/' && _text[to - 2] == '/')
        {
            (to, qualifier) = (to - 2, DescendantQualifier.MatchesAndDescendants);
        }
        else if (_text[to - 1] == '/')
        {
            (to, qualifier) = (to - 1, DescendantQualifier.DescendantsOnly);
        }
        if (from < to && _text[from] == '/')
        {
            from++;
        }
        if (from == to)
        {
            error = Error(SelectorErrorReason.EmptyPart, start, $"no regular expression in {kind} pattern",
                "after the optional leading '/' and before the optional qualifier '/' or '//' there must be a regular expression");
            return false;
        }
        return true;
    }

    private SelectorError RegexError(PatternCompiler.Failure failure, int partStart, string? part, bool splitPath)
    {
        var unsupported = failure.Reason == SelectorErrorReason.UnsupportedRegex;
        var what = (unsupported ? "unsupported regular expression construct" : "invalid regular expression")
            + (part is null ? string.Empty : " in " + part);
        var detail = failure.Offset is int offset
            ? $" (at offset {offset} of the expression: {failure.Description})"
            : $" ({failure.Description})";
        var allowed = splitPath && failure.MaybeSplitAtSlash ? SlashHint
            : unsupported ? "selectors use a linear-time engine without backreferences, lookaround, atomic groups, "
                + "conditionals, possessive quantifiers or \\Q…\\E quoting"
            : "regular expressions use the .NET syntax";
        return Error(failure.Reason, partStart, what, allowed, detail) with
        {
            RegexError = failure.EngineMessage ?? failure.Description,
            RegexPosition = failure.Offset,
        };
    }
}
