namespace Topiary.Selectors;

/// <summary>
/// Finds the Java regular expression constructs that the .NET parser reports as plain syntax errors
/// although they are really unsupported features (SEL-25): possessive quantifiers (<c>a*+</c>,
/// <c>a{2}+</c>) and <c>\Q…\E</c> quoting. Everything else unsupported (backreferences, lookaround,
/// atomic groups, conditionals) is reported by the NonBacktracking engine itself.
/// </summary>
/// <remarks>
/// A light tokenizer: it skips escapes, character classes and <c>(?#…)</c> comments, and tracks
/// whether the previous token was a quantifier. It does not model <c>(?x)</c> end-of-line comments,
/// so those constructs written inside such a comment are reported too — a harmless false positive.
/// </remarks>
internal static class JavaOnlySyntax
{
    private enum Previous
    {
        Nothing,
        Atom,
        Quantifier,
    }

    /// <summary>The offset of the first such construct in <paramref name="pattern"/>, or -1.</summary>
    public static int Find(ReadOnlySpan<char> pattern, out string description)
    {
        description = string.Empty;
        var previous = Previous.Nothing;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (IsQuoting(pattern, i))
                {
                    description = "Java quoting \\Q…\\E is not supported; escape each metacharacter with '\\' instead";
                    return i;
                }
                i += 2;
                previous = Previous.Atom;
            }
            else if (c == '[')
            {
                var end = SkipClass(pattern, i, out var quoting);
                if (quoting >= 0)
                {
                    description = "Java quoting \\Q…\\E is not supported; escape each metacharacter with '\\' instead";
                    return quoting;
                }
                i = end;
                previous = Previous.Atom;
            }
            else if (c == '(')
            {
                if (pattern[(i + 1)..].StartsWith("?#"))
                {
                    var close = pattern[i..].IndexOf(')');
                    i = close < 0 ? pattern.Length : i + close + 1;
                    continue;
                }
                // "(?" opens a group construct: that '?' is not a quantifier.
                i += i + 1 < pattern.Length && pattern[i + 1] == '?' ? 2 : 1;
                previous = Previous.Nothing;
            }
            else if (c is '*' or '+' or '?' || (c == '{' && QuantifierLength(pattern[i..]) > 0))
            {
                if (previous == Previous.Quantifier && c == '+')
                {
                    description = "possessive quantifiers (such as 'a*+' or 'a++') are not supported; "
                        + "the engine never backtracks, so the plain quantifier behaves the same";
                    return i;
                }
                // Only a quantifier directly after an atom counts; a lazy '?' ends the quantifier.
                previous = previous == Previous.Atom ? Previous.Quantifier : Previous.Nothing;
                i += c == '{' ? QuantifierLength(pattern[i..]) : 1;
            }
            else
            {
                previous = c is '|' ? Previous.Nothing : Previous.Atom;
                i++;
            }
        }
        return -1;
    }

    private static bool IsQuoting(ReadOnlySpan<char> pattern, int backslash) =>
        backslash + 1 < pattern.Length && pattern[backslash + 1] is 'Q' or 'E';

    /// <summary>The index after the class that starts at <paramref name="open"/>; notes a <c>\Q</c>/<c>\E</c> inside.</summary>
    private static int SkipClass(ReadOnlySpan<char> pattern, int open, out int quoting)
    {
        quoting = -1;
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }
        if (i < pattern.Length && pattern[i] == ']')
        {
            i++; // a ']' first in a class is a literal
        }
        var depth = 1;
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (quoting < 0 && IsQuoting(pattern, i))
                {
                    quoting = i;
                }
                i++;
            }
            else if (c == '[' && pattern[i - 1] == '-')
            {
                depth++; // .NET class subtraction: [a-z-[aeiou]]
            }
            else if (c == ']' && --depth == 0)
            {
                return i + 1;
            }
        }
        return pattern.Length;
    }

    /// <summary>The length of a <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> quantifier at the start, or 0 when it is a literal '{'.</summary>
    private static int QuantifierLength(ReadOnlySpan<char> text)
    {
        var i = 1;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }
        if (digits == 0 || i == text.Length)
        {
            return 0;
        }
        if (text[i] == ',')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }
        return i < text.Length && text[i] == '}' ? i + 1 : 0;
    }
}
