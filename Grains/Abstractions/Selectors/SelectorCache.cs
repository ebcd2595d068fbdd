using System.Diagnostics.CodeAnalysis;
using Topiary.Errors;

namespace Topiary.Selectors;

/// <summary>
/// Parsed selectors by text, least recently used first out (SEL-51), so that the regular
/// expressions of a selector used again and again are compiled once.
/// </summary>
/// <remarks>
/// Thread-safe. Parsing happens outside the lock, so a slow parse never blocks lookups; when two
/// threads parse the same text at once, both get the instance that was stored first. Invalid
/// selectors are not cached. Lookups by different texts that parse to the same canonical
/// expression are cached separately but return equal selectors.
/// </remarks>
public sealed class SelectorCache
{
    /// <summary>The capacity of <see cref="Shared"/> and the default capacity (SEL-51).</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, TopicSelector>>> _entries;
    private readonly LinkedList<KeyValuePair<string, TopicSelector>> _recency = new(); // most recent first

    /// <summary>Creates an empty cache that holds at most <paramref name="capacity"/> selectors.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public SelectorCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _entries = new Dictionary<string, LinkedListNode<KeyValuePair<string, TopicSelector>>>(Math.Min(capacity, 1024), StringComparer.Ordinal);
    }

    /// <summary>The cache <see cref="TopicSelector.Parse"/> and <see cref="TopicSelector.TryParse"/> use.</summary>
    public static SelectorCache Shared { get; } = new();

    /// <summary>The most selectors held at once.</summary>
    public int Capacity { get; }

    /// <summary>How many selectors are held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// The selector for <paramref name="expression"/>, parsed now or earlier. Throws only what
    /// <see cref="TopicSelector.Parse"/> documents.
    /// </summary>
    public TopicSelector GetOrParse(string expression) =>
        TryGetOrParse(expression, out var selector, out var error) ? selector : throw TopiaryException.Create(error);

    /// <summary>As <see cref="GetOrParse"/>, returning the error envelope instead of throwing. Never throws.</summary>
    internal bool TryGetOrParse(string? expression, [NotNullWhen(true)] out TopicSelector? selector, [NotNullWhen(false)] out ErrorEnvelope? error)
    {
        expression ??= string.Empty;
        error = null;
        if (TryGet(expression, out selector))
        {
            return true;
        }
        if (!SelectorParser.TryParse(expression, out selector, out var parseError))
        {
            error = parseError.ToEnvelope(expression);
            return false;
        }
        selector = Add(expression, selector);
        return true;
    }

    private bool TryGet(string expression, [NotNullWhen(true)] out TopicSelector? selector)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(expression, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                selector = node.Value.Value;
                return true;
            }
        }
        selector = null;
        return false;
    }

    private TopicSelector Add(string expression, TopicSelector selector)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(expression, out var existing))
            {
                return existing.Value.Value; // another thread parsed it meanwhile
            }
            if (_entries.Count == Capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
            _entries.Add(expression, _recency.AddFirst(KeyValuePair.Create(expression, selector)));
            return selector;
        }
    }
}
