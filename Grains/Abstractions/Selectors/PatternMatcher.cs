using System.Text.RegularExpressions;

namespace Topiary.Selectors;

/// <summary>
/// Full-match test of one selector regular expression. Literal expressions (SEL-30's definition:
/// no metacharacters, only non-alphanumeric escapes) are compared ordinally instead of through the
/// engine: same answers, and the common <c>?alpha/beta/.*</c> costs no engine construction, which
/// for NonBacktracking is a few hundred microseconds per expression.
/// </summary>
internal sealed class PatternMatcher
{
    private readonly string? _literal;
    private readonly Regex? _regex;

    private PatternMatcher(string? literal, Regex? regex)
    {
        _literal = literal;
        _regex = regex;
    }

    /// <summary>Matches exactly <paramref name="text"/>.</summary>
    public static PatternMatcher ForLiteral(string text) => new(text, null);

    /// <summary>Matches what <paramref name="fullMatch"/> (already anchored with <c>\A…\z</c>) matches.</summary>
    public static PatternMatcher ForRegex(Regex fullMatch) => new(null, fullMatch);

    /// <summary>Whether the whole of <paramref name="text"/> matches. Never allocates once the engine has warmed up.</summary>
    public bool IsMatch(ReadOnlySpan<char> text) =>
        _regex is not null ? _regex.IsMatch(text) : text.SequenceEqual(_literal);
}
