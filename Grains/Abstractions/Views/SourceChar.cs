namespace Topiary.Views;

/// <summary>
/// One character of clause text after quoting and escaping are resolved, with where it came from,
/// so nested grammars (selectors, pointers, conditions) report positions in the whole specification.
/// </summary>
/// <param name="Value">The character.</param>
/// <param name="Escaped">Whether it was written as <c>\x</c>, which makes it literal.</param>
/// <param name="Offset">0-based offset of the character (or of its backslash) in the specification.</param>
internal readonly record struct SourceChar(char Value, bool Escaped, int Offset);
