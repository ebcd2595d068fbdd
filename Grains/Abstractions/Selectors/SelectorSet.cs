using System.Collections.ObjectModel;

namespace Topiary.Selectors;

/// <summary>
/// <c>#m1////m2////…</c>: selects what any member selects (SEL-14, SEL-23). Nested sets are
/// flattened into their parent, so no member is itself a set.
/// </summary>
public sealed class SelectorSet : TopicSelector
{
    private readonly TopicSelector[] _members;

    internal SelectorSet(TopicSelector[] members, string pathPrefix)
        : base("#" + JoinExpressions(members), pathPrefix)
    {
        _members = members;
        Members = new ReadOnlyCollection<TopicSelector>(members);
    }

    /// <summary>The members, in written order, none of them a set; between 1 and <see cref="TopicSelector.MaxMembers"/>.</summary>
    public override IReadOnlyList<TopicSelector> Members { get; }

    /// <inheritdoc/>
    public override SelectorKind Kind => SelectorKind.Set;

    /// <summary>True when any member selects the path; members are tried in order.</summary>
    public override bool Selects(string path)
    {
        foreach (var member in _members)
        {
            if (member.Selects(path))
            {
                return true;
            }
        }
        return false;
    }

    private static string JoinExpressions(TopicSelector[] members)
    {
        var expressions = new string[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            expressions[i] = members[i].Expression;
        }
        return string.Join("////", expressions);
    }
}
