namespace Topiary.Selectors;

/// <summary>Selector sets (SEL-14): split from the right at "////", nested sets flattened.</summary>
internal sealed partial class SelectorParser
{
    private const string MemberRule = "set members are separated by '////' and may not be empty";

    private SelectorSet? ParseSet(out SelectorError? error)
    {
        if (_text.Length == 1)
        {
            error = Error(SelectorErrorReason.Empty, 1, "nothing after '#'", "a selector set lists its members, e.g. '#a////?b/.*'");
            return null;
        }

        // Splitting from the right lets a member end with a qualifier: in "#?a/.*/////b" the last
        // "////" leaves "?a/.*/" as the first member. No member text can contain "////".
        var ranges = new List<(int Start, int End)>();
        var end = _text.Length;
        while (true)
        {
            var separator = _text.AsSpan(1, end - 1).LastIndexOf(SetSeparator, StringComparison.Ordinal);
            if (separator < 0)
            {
                ranges.Add((1, end));
                break;
            }
            ranges.Add((1 + separator + SetSeparator.Length, end));
            end = 1 + separator;
        }
        ranges.Reverse();
        if (ranges.Count > TopicSelector.MaxMembers)
        {
            // Checked before any member is compiled, so an oversized set costs no regex work.
            error = Error(SelectorErrorReason.TooManyMembers, ranges[TopicSelector.MaxMembers].Start,
                $"more than {TopicSelector.MaxMembers} members",
                $"a selector set has at most {TopicSelector.MaxMembers} members once nested sets are flattened");
            return null;
        }

        var members = new TopicSelector[ranges.Count];
        for (var m = 0; m < ranges.Count; m++)
        {
            var (start, stop) = ranges[m];
            // A nested set cannot contain "////" either, so "#…#x" is the one member x: flatten it here.
            while (start < stop && _text[start] == '#')
            {
                start++;
            }
            if (start == stop)
            {
                error = Error(SelectorErrorReason.EmptyMember, start, "empty member", MemberRule);
                return null;
            }
            var member = ParseMember(start, stop, out error);
            if (member is null)
            {
                return null;
            }
            members[m] = member;
        }
        error = null;
        return new SelectorSet(members, PathPrefixes.ForSet(members));
    }
}
