namespace Topiary.Views;

// Whitespace, keywords, clause text (VIEW-23) and quoted strings (VIEW-26).
internal sealed partial class ViewSpecificationParser
{
    private enum ClauseMode
    {
        /// <summary>Ends at unescaped whitespace.</summary>
        Plain,

        /// <summary>Also keeps whitespace inside a directive <c>&lt;…(…)</c> (VIEW-24).</summary>
        Template,
    }

    private enum DirectiveState
    {
        Outside,
        Name,
        Arguments,
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && ViewSyntax.IsWhitespace(_text[_pos]))
        {
            _pos++;
        }
    }

    private void RequireWhitespace(string expected)
    {
        if (_pos >= _text.Length || !ViewSyntax.IsWhitespace(_text[_pos]))
        {
            throw Error(ViewErrorReason.SyntaxError, _pos, $"whitespace then {expected}", $"missing {expected}");
        }
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            throw Error(ViewErrorReason.SyntaxError, _pos, expected, $"missing {expected}");
        }
    }

    /// <summary>The run of ASCII letters at the current position (keywords are lower case, VIEW-22).</summary>
    private string PeekWord()
    {
        var end = _pos;
        while (end < _text.Length && char.IsAsciiLetter(_text[end]))
        {
            end++;
        }
        return _text[_pos..end];
    }

    private void ExpectKeyword(string keyword)
    {
        if (PeekWord() != keyword)
        {
            throw Error(ViewErrorReason.SyntaxError, _pos, $"'{keyword}'", $"missing '{keyword}'");
        }
        _pos += keyword.Length;
    }

    /// <summary>Whether the next word (after optional whitespace) is <paramref name="keyword"/>; consumes nothing.</summary>
    private bool NextWordIs(string keyword)
    {
        var start = _pos;
        SkipWhitespace();
        var matches = start < _pos && PeekWord() == keyword;
        _pos = start;
        return matches;
    }

    /// <summary>Clause text: unquoted up to unescaped whitespace, or wholly quoted (VIEW-23).</summary>
    private List<SourceChar> ReadClause(ClauseMode mode, string what)
    {
        if (_pos >= _text.Length || ViewSyntax.IsWhitespace(_text[_pos]))
        {
            throw Error(ViewErrorReason.SyntaxError, _pos, what, $"missing {what}");
        }
        if (_text[_pos] is '\'' or '"')
        {
            var quoted = ReadQuoted(what);
            if (_pos < _text.Length && !ViewSyntax.IsWhitespace(_text[_pos]))
            {
                throw Error(ViewErrorReason.SyntaxError, _pos, "whitespace after the closing quote", $"text after the closing quote of {what}");
            }
            return quoted;
        }
        var cells = new List<SourceChar>();
        var directive = DirectiveState.Outside;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\\')
            {
                cells.Add(Escape());
                continue;
            }
            if (ViewSyntax.IsWhitespace(c) && directive == DirectiveState.Outside)
            {
                break;
            }
            if (mode == ClauseMode.Template)
            {
                directive = (directive, c) switch
                {
                    (DirectiveState.Outside, '<') => DirectiveState.Name,
                    (DirectiveState.Name, '(') => DirectiveState.Arguments,
                    (DirectiveState.Name, '>') or (DirectiveState.Arguments, ')') => DirectiveState.Outside,
                    _ => directive,
                };
            }
            cells.Add(new SourceChar(c, false, _pos++));
        }
        return cells;
    }

    /// <summary>A quoted string starting at the current quote; <c>\x</c> stands for <c>x</c>.</summary>
    private List<SourceChar> ReadQuoted(string what)
    {
        var start = _pos;
        var quote = _text[_pos++];
        var cells = new List<SourceChar>();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            cells.Add(_text[_pos] == '\\' ? Escape() : new SourceChar(_text[_pos], false, _pos++));
        }
        if (_pos >= _text.Length)
        {
            throw Error(ViewErrorReason.Unterminated, start, $"a closing {quote} for {what}", $"unterminated quotes around {what}");
        }
        _pos++;
        return cells;
    }

    /// <summary>A string argument (VIEW-26): must be quoted.</summary>
    private List<SourceChar> ReadString(string what)
    {
        if (_pos >= _text.Length || _text[_pos] is not ('\'' or '"'))
        {
            throw Error(ViewErrorReason.SyntaxError, _pos, $"{what} in quotes ('…' or \"…\")", $"missing {what}");
        }
        return ReadQuoted(what);
    }

    private SourceChar Escape()
    {
        if (_pos + 1 >= _text.Length)
        {
            throw Error(ViewErrorReason.SyntaxError, _pos, "a character after '\\'", "a backslash at the end of the text", "\\");
        }
        var cell = new SourceChar(_text[_pos + 1], true, _pos);
        _pos += 2;
        return cell;
    }
}
