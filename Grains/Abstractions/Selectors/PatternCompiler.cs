using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Topiary.Selectors;

/// <summary>
/// Compiles one regular expression of a selector (a split-path part or a full-path pattern) into a
/// full-match, linear-time matcher (SEL-25, SEL-26), or says why it cannot.
/// </summary>
internal static class PatternCompiler
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>Why a pattern did not compile.</summary>
    /// <param name="Reason"><see cref="SelectorErrorReason.InvalidRegex"/> or <see cref="SelectorErrorReason.UnsupportedRegex"/>.</param>
    /// <param name="Description">The problem in a few words, for the message.</param>
    /// <param name="EngineMessage">The engine's message, when the engine found the problem.</param>
    /// <param name="Offset">The offset of the problem inside the pattern, when known.</param>
    /// <param name="MaybeSplitAtSlash">The error is a symptom of a '/' inside a class or after '\' in a split-path part.</param>
    internal sealed record Failure(string Reason, string Description, string? EngineMessage, int? Offset, bool MaybeSplitAtSlash);

    /// <summary>The full-match matcher for <paramref name="pattern"/>, or why there is none. Never throws.</summary>
    public static bool TryCompile(string pattern, [NotNullWhen(true)] out PatternMatcher? matcher, [NotNullWhen(false)] out Failure? failure)
    {
        matcher = null;
        var javaOnly = JavaOnlySyntax.Find(pattern, out var description);
        if (javaOnly >= 0)
        {
            failure = new Failure(SelectorErrorReason.UnsupportedRegex, description, null, javaOnly, false);
            return false;
        }

        // Parse the text alone first: wrapped as \A(?:R)\z, an unbalanced R such as "a)|(b" would
        // parse and escape the anchors. The interpreter's constructor is a cheap syntax check.
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (RegexParseException e)
        {
            failure = new Failure(SelectorErrorReason.InvalidRegex, EngineReason(e, pattern), e.Message, e.Offset, IsSplitSymptom(e.Error));
            return false;
        }
        catch (ArgumentException e)
        {
            failure = new Failure(SelectorErrorReason.InvalidRegex, e.Message, e.Message, null, false);
            return false;
        }

        failure = null;
        if (PathPrefixes.TryUnescapeLiteral(pattern, out var literal))
        {
            matcher = PatternMatcher.ForLiteral(literal);
            return true;
        }
        try
        {
            matcher = PatternMatcher.ForRegex(new Regex(FullMatch(pattern), Options, Regex.InfiniteMatchTimeout));
            return true;
        }
        catch (NotSupportedException e)
        {
            // Backreferences, lookaround, atomic groups, conditionals, \G, or an automaton over the size limit.
            failure = new Failure(SelectorErrorReason.UnsupportedRegex, e.Message, e.Message, null, false);
            return false;
        }
        catch (ArgumentException e)
        {
            failure = new Failure(SelectorErrorReason.InvalidRegex, e.Message, e.Message, null, false);
            return false;
        }
    }

    /// <summary>
    /// <c>\A(?:R)\z</c>. When R contains '#', it may end inside a <c>(?x)</c> end-of-line comment that
    /// would swallow the closing <c>)\z</c>: <c>(?x)</c> followed by a newline ends any such comment
    /// and is itself ignorable whitespace.
    /// </summary>
    internal static string FullMatch(string pattern) =>
        pattern.Contains('#', StringComparison.Ordinal) ? $"\\A(?:{pattern}(?x)\n)\\z" : $"\\A(?:{pattern})\\z";

    /// <summary>The engine's message without its "Invalid pattern '…' at offset n." preamble, which repeats what the selector message says.</summary>
    private static string EngineReason(RegexParseException e, string pattern)
    {
        var preamble = $"Invalid pattern '{pattern}' at offset {e.Offset}. ";
        return e.Message.StartsWith(preamble, StringComparison.Ordinal) ? e.Message[preamble.Length..] : e.Message;
    }

    private static bool IsSplitSymptom(RegexParseError error) => error is
        RegexParseError.UnterminatedBracket or RegexParseError.UnescapedEndingBackslash or
        RegexParseError.InsufficientClosingParentheses or RegexParseError.InsufficientOpeningParentheses;
}
