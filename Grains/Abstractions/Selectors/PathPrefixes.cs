using System.Text;
using Topiary.Topics;

namespace Topiary.Selectors;

/// <summary>
/// The path prefix rules of SEL-30. Every result is empty or a valid topic path: literal text that
/// could never start a path (a control character, an escaped '/' making an empty segment, a segment
/// or path over the limits) ends the prefix — a shorter prefix is always a safe one.
/// </summary>
internal static class PathPrefixes
{
    /// <summary>The leading literal parts of a split-path pattern, unescaped and joined by '/'.</summary>
    public static string ForSplitPath(string[] parts)
    {
        var prefix = new PrefixBuilder();
        foreach (var part in parts)
        {
            if (!TryUnescapeLiteral(part, out var literal) || !prefix.TryAppend(literal))
            {
                break;
            }
        }
        return prefix.ToString();
    }

    /// <summary>
    /// The leading literal, non-empty segments of a full-path pattern (split at unescaped '/'),
    /// stopping before a segment whose following '/' is quantified; empty if the pattern has an unescaped '|'.
    /// </summary>
    public static string ForFullPath(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == '|')
            {
                return string.Empty;
            }
        }

        var prefix = new PrefixBuilder();
        var start = 0;
        for (var i = 0; i <= pattern.Length; i++)
        {
            if (i < pattern.Length && pattern[i] == '\\')
            {
                i++;
                continue;
            }
            if (i < pattern.Length && pattern[i] != '/')
            {
                continue;
            }
            // pattern[start..i] is a segment; a quantifier after its '/' would make the '/' optional.
            var quantified = i + 1 < pattern.Length && pattern[i + 1] is '*' or '+' or '?' or '{';
            if (i == start || quantified || !TryUnescapeLiteral(pattern.AsSpan(start, i - start), out var literal)
                || !prefix.TryAppend(literal))
            {
                break;
            }
            start = i + 1;
        }
        return prefix.ToString();
    }

    /// <summary>The longest common run of whole leading segments of the members' prefixes.</summary>
    public static string ForSet(TopicSelector[] members)
    {
        var common = members[0].PathPrefix;
        for (var m = 1; m < members.Length && common.Length > 0; m++)
        {
            var other = members[m].PathPrefix;
            var length = common.AsSpan().CommonPrefixLength(other);
            var wholeSegments = (length == common.Length || common[length] == '/')
                && (length == other.Length || other[length] == '/');
            if (!wholeSegments)
            {
                // Back up to the end of the last segment both share completely.
                var slash = common.AsSpan(0, length).LastIndexOf('/');
                length = slash < 0 ? 0 : slash;
            }
            common = common[..length];
        }
        return common;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is literal — no unescaped metacharacter among
    /// <c>\ . * + ? ^ $ { } ( ) [ ] |</c> and no escape but '\' before a non-alphanumeric — and the text it stands for.
    /// </summary>
    internal static bool TryUnescapeLiteral(ReadOnlySpan<char> text, out string literal)
    {
        literal = string.Empty;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 == text.Length || char.IsLetterOrDigit(text[i + 1]))
                {
                    return false;
                }
                c = text[++i];
            }
            else if (c is '.' or '*' or '+' or '?' or '^' or '$' or '{' or '}' or '(' or ')' or '[' or ']' or '|')
            {
                return false;
            }
            builder.Append(c);
        }
        literal = builder.ToString();
        return true;
    }

    /// <summary>Joins segments while the result stays a valid topic path.</summary>
    private sealed class PrefixBuilder
    {
        private string _prefix = string.Empty;

        public bool TryAppend(string segment)
        {
            var candidate = _prefix.Length == 0 ? segment : _prefix + "/" + segment;
            if (!TopicPath.TryScan(candidate, forAdd: false, out _, out _))
            {
                return false;
            }
            _prefix = candidate;
            return true;
        }

        public override string ToString() => _prefix;
    }
}
