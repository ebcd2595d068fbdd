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

    private readonly List<(TopicSelector Selector, bool Select)> _operations = [];

    public int Count => _operations.Count;

    /// <summary>Appends an operation; false when the list is full.</summary>
    public bool Add(TopicSelector selector, bool select)
    {
        _operations.RemoveAll(operation => operation.Selector.Expression == selector.Expression);
        if (_operations.Count >= MaxOperations)
        {
            return false;
        }
        _operations.Add((selector, select));
        return true;
    }

    public bool IsSelected(string path)
    {
        for (var i = _operations.Count - 1; i >= 0; i--)
        {
            var (selector, select) = _operations[i];
            if (selector.Selects(path))
            {
                return select;
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
