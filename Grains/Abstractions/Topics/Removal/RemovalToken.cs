namespace Topiary.Topics.Removal;

/// <summary>
/// A token of a removal policy: <see cref="Text"/> is the word, or the unescaped content of a
/// quoted string; <see cref="Start"/> is its UTF-16 offset in the policy text.
/// </summary>
internal readonly record struct RemovalToken(RemovalTokenKind Kind, string Text, int Start);
