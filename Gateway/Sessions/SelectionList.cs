using Topiary.Selectors;

namespace Topiary.Gateway.Sessions;

/// <summary>
/// A session's selections in the default scope (spec/topics.md TOP-51): an ordered list of
/// (selector, select | deselect). A path is selected when the last operation whose selector
/// matches it is a select. An operation supersedes an earlier one with the same selector text
/// (TOP-52 conflation), so the list never holds two entries for one selector.
/// Not thread-safe: the owning session locks around it.
/// </summary>
internal sealed class SelectionList
{
    /// <summary>TOP-52: at most this many operations per session.</summary>
    public const int MaxOperations = 10_000;

    // In order of addition; the index finds the operation a new one with the same text
    // supersedes in O(1), so a long list stays cheap to extend.
    private readonly LinkedList<(TopicSelector Selector, bool Select)> _operations = new();
    private readonly Dictionary<string, LinkedListNode<(TopicSelector Selector, bool Select)>> _byExpression = new(StringComparer.Ordinal);

    public int Count => _operations.Count;

    /// <summary>Appends an operation; false when the list is full.</summary>
    public bool Add(TopicSelector selector, bool select)
    {
        if (_byExpression.Remove(selector.Expression, out var superseded))
        {
            _operations.Remove(superseded);
        }
        else if (_operations.Count >= MaxOperations)
        {
            return false;
        }
        _byExpression[selector.Expression] = _operations.AddLast((selector, select));
        return true;
    }

    public bool IsSelected(string path)
    {
        for (var node = _operations.Last; node is not null; node = node.Previous)
        {
            if (node.Value.Selector.Selects(path))
            {
                return node.Value.Select;
            }
        }
        return false;
    }

    /// <summary>The selectors of select operations, for the selection index.</summary>
    public IEnumerable<TopicSelector> SelectedSelectors()
    {
        foreach (var (selector, select) in _operations)
        {
            if (select)
            {
                yield return selector;
            }
        }
    }
}
