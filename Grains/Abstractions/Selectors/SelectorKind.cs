namespace Topiary.Selectors;

/// <summary>The kind of a topic selector, decided by its first character (spec/selectors.md SEL-1).</summary>
public enum SelectorKind
{
    /// <summary><c>&gt;path</c> or an implied path: exactly one path (<see cref="PathSelector"/>).</summary>
    Path,

    /// <summary><c>?r1/r2/…</c>: one regular expression per segment (<see cref="SplitPathSelector"/>).</summary>
    SplitPath,

    /// <summary><c>*regex</c>: one regular expression over the whole path (<see cref="FullPathSelector"/>).</summary>
    FullPath,

    /// <summary><c>#m1////m2…</c>: the union of its members (<see cref="SelectorSet"/>).</summary>
    Set,
}
