using System.Diagnostics.CodeAnalysis;
using Topiary.Errors;

namespace Topiary.Selectors;

/// <summary>
/// A parsed topic selector (spec/selectors.md): a string that selects a set of topic paths. One
/// parser and one matcher serve subscription, fetch, removal, notifications, views and client control.
/// </summary>
/// <remarks>
/// Instances are immutable and thread-safe, and are shared through <see cref="SelectorCache"/>.
/// Two selectors are equal when their canonical <see cref="Expression"/>s are equal (ordinal).
/// The only subclasses are <see cref="PathSelector"/>, <see cref="SplitPathSelector"/>,
/// <see cref="FullPathSelector"/> and <see cref="SelectorSet"/>.
/// </remarks>
public abstract class TopicSelector : IEquatable<TopicSelector>
{
    /// <summary>Maximum length of a selector in UTF-16 characters (SEL-51).</summary>
    public const int MaxLength = 4096;

    /// <summary>Maximum number of members of a set, after nested sets are flattened (SEL-51).</summary>
    public const int MaxMembers = 256;

    /// <summary>Maximum number of parts of a split-path pattern (SEL-51).</summary>
    public const int MaxParts = 64;

    private protected TopicSelector(string expression, string pathPrefix)
    {
        Expression = expression;
        PathPrefix = pathPrefix;
    }

    /// <summary>The kind, decided by the first character (SEL-1).</summary>
    public abstract SelectorKind Kind { get; }

    /// <summary>
    /// The canonical text: it parses back to an equal selector. A path selector is <c>&gt;</c> plus
    /// its path (an implied <c>&gt;</c> is added, the ignorable leading and trailing <c>/</c> dropped);
    /// a pattern loses its ignorable leading <c>/</c>; a set lists its flattened members' canonical texts.
    /// </summary>
    public string Expression { get; }

    /// <summary>
    /// The longest topic path that every selected path is at or below (SEL-30): empty for the root,
    /// otherwise always a valid topic path. It never depends on the descendant qualifier.
    /// </summary>
    public string PathPrefix { get; }

    /// <summary>The members of a set, nested sets flattened, in written order; empty for the other kinds.</summary>
    public virtual IReadOnlyList<TopicSelector> Members => [];

    /// <summary>
    /// Whether this selector selects <paramref name="path"/> (SEL-20..SEL-24). The result depends only
    /// on the path. The path is expected to be valid (validate it once where it enters the system);
    /// for any other string the answer is false or true but this method never throws.
    /// Path and split-path selectors do not allocate.
    /// </summary>
    public abstract bool Selects(string path);

    /// <summary>
    /// Parses <paramref name="expression"/>, reusing an earlier parse of the same text from
    /// <see cref="SelectorCache.Shared"/>. Throws only a <see cref="TopiaryException"/> with code
    /// <see cref="ErrorCode.InvalidSelector"/> whose details carry <c>selector</c>, <c>position</c>,
    /// <c>reason</c> (a <see cref="SelectorErrorReason"/> value) and, when relevant, <c>pathReason</c>,
    /// <c>regexError</c> and <c>regexPosition</c>. Any string is accepted as input, including
    /// <c>null</c> (an empty selector) and invalid UTF-16.
    /// </summary>
    public static TopicSelector Parse(string expression) => SelectorCache.Shared.GetOrParse(expression);

    /// <summary>
    /// Parses <paramref name="expression"/> like <see cref="Parse"/> but returns the error envelope
    /// instead of throwing. Never throws.
    /// </summary>
    public static bool TryParse(
        string expression,
        [NotNullWhen(true)] out TopicSelector? selector,
        [NotNullWhen(false)] out ErrorEnvelope? error) =>
        SelectorCache.Shared.TryGetOrParse(expression, out selector, out error);

    /// <inheritdoc/>
    public bool Equals(TopicSelector? other) =>
        other is not null && string.Equals(Expression, other.Expression, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TopicSelector);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Expression);

    /// <summary>The canonical <see cref="Expression"/>.</summary>
    public override string ToString() => Expression;

    /// <summary>The text that writes <paramref name="qualifier"/> at the end of a pattern.</summary>
    private protected static string QualifierSuffix(DescendantQualifier qualifier) => qualifier switch
    {
        DescendantQualifier.DescendantsOnly => "/",
        DescendantQualifier.MatchesAndDescendants => "//",
        _ => string.Empty,
    };
}
