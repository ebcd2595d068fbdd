namespace Topiary.Selectors;

/// <summary>
/// <c>&gt;path</c>, or a path with the <c>&gt;</c> implied: selects exactly one topic path, never its
/// descendants (SEL-13, SEL-20). No regular expressions are involved: <c>&gt;.*</c> selects the path <c>.*</c>.
/// </summary>
public sealed class PathSelector : TopicSelector
{
    internal PathSelector(string path)
        : base(">" + path, path) => Path = path;

    /// <summary>The selected path; always a valid topic path. It is also the <see cref="TopicSelector.PathPrefix"/>.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override SelectorKind Kind => SelectorKind.Path;

    /// <summary>Ordinal equality with <see cref="Path"/>. Never allocates, never throws.</summary>
    public override bool Selects(string path) => string.Equals(Path, path, StringComparison.Ordinal);
}
