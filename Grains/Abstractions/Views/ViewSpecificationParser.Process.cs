using System.Globalization;
using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Views;

// process { … } (VIEW-36): operations, conditionals, and the condition and calculation strings.
internal sealed partial class ViewSpecificationParser
{
    private int _blockStart;

    private ProcessTransformation ParseProcess()
    {
        SkipWhitespace();
        if (_pos >= _text.Length || _text[_pos] != '{')
        {
            throw Error(ViewErrorReason.SyntaxError, _pos, "'{' after 'process'", "missing '{'");
        }
        _blockStart = _pos++;
        SkipWhitespace();
        ProcessStatement statement = PeekWord() == "if" ? ParseConditional() : ParseOperations();
        SkipWhitespace();
        if (_pos >= _text.Length || _text[_pos] != '}')
        {
            throw ProcessError("';' then another operation, or '}'", "unexpected text in a process block");
        }
        _pos++;
        var before = _pos;
        SkipWhitespace();
        _pos = _pos < _text.Length && _text[_pos] == ';' ? _pos + 1 : before;
        return new ProcessTransformation(statement);
    }

    private ConditionalStatement ParseConditional()
    {
        var branches = new List<ConditionalBranch>();
        var keyword = "if";
        while (true)
        {
            _pos += keyword.Length;
            ProcessWhitespace("a condition string");
            if (_pos >= _text.Length || _text[_pos] is not ('\'' or '"'))
            {
                throw ProcessError("a condition in quotes, such as '/Price lt 50'", "missing condition");
            }
            var cells = ReadQuoted("the condition");
            var condition = new ConditionParser(_text, cells, _pos - 1).Parse();
            ProcessWhitespace("an operation");
            branches.Add(new ConditionalBranch(condition, ParseOperations()));
            var before = _pos;
            SkipWhitespace();
            keyword = PeekWord();
            if (keyword is "elseif" or "elsf")
            {
                continue;
            }
            if (keyword == "else")
            {
                _pos += 4;
                ProcessWhitespace("an operation");
                return new ConditionalStatement(branches, ParseOperations());
            }
            _pos = before;
            return new ConditionalStatement(branches, null);
        }
    }

    private OperationList ParseOperations()
    {
        var operations = new List<ProcessOperation>();
        while (true)
        {
            operations.Add(ParseOperation());
            var before = _pos;
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != ';')
            {
                _pos = before;
                return new OperationList(operations);
            }
            _pos++;
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] == '}' || PeekWord() is "elseif" or "elsf" or "else")
            {
                return new OperationList(operations);
            }
        }
    }

    private ProcessOperation ParseOperation()
    {
        var word = PeekWord();
        switch (word)
        {
            case "continue":
                _pos += word.Length;
                return new ContinueOperation();
            case "set" or "remove":
                _pos += word.Length;
                SkipWhitespace();
                ExpectProcessChar('(');
                SkipWhitespace();
                var target = ProcessPointer();
                SkipWhitespace();
                if (word == "remove")
                {
                    ExpectProcessChar(')');
                    return new RemoveOperation(target);
                }
                ExpectProcessChar(',');
                SkipWhitespace();
                var operation = ParseSetValue(target);
                SkipWhitespace();
                ExpectProcessChar(')');
                return operation;
            default:
                throw ProcessError("'set', 'remove', 'continue' or 'if'", "unknown operation");
        }
    }

    private SetOperation ParseSetValue(JsonPointer target)
    {
        if (_pos < _text.Length && _text[_pos] is '\'' or '"')
        {
            return new SetOperation(target, JsonValue.Create(Text(ReadQuoted("the string"))), null);
        }
        if (_pos < _text.Length && (_text[_pos] == '-' || char.IsAsciiDigit(_text[_pos])))
        {
            var start = _pos;
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }
            var digits = _text[start.._pos];
            return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? new SetOperation(target, JsonValue.Create(number), null)
                : throw Error(ViewErrorReason.InvalidProcess, start, "an integer within 64 bits", $"invalid integer '{digits}'", digits);
        }
        var word = PeekWord();
        if (word is "true" or "false")
        {
            _pos += word.Length;
            return new SetOperation(target, JsonValue.Create(word == "true"), null);
        }
        if (word == "calc")
        {
            _pos += word.Length;
            ProcessWhitespace("a calculation string");
            if (_text[_pos] is not ('\'' or '"'))
            {
                throw ProcessError("a calculation in quotes, such as \"/Value * 2\"", "missing calculation");
            }
            var cells = ReadQuoted("the calculation");
            return new SetOperation(target, null, new CalculationParser(_text, cells, _pos - 1).Parse());
        }
        throw ProcessError("an integer, a quoted string, true, false or calc \"…\"", "invalid value for set");
    }

    /// <summary>A pointer in a process block: ends at whitespace, <c>,</c>, <c>)</c>, <c>;</c> or <c>}</c>.</summary>
    private JsonPointer ProcessPointer()
    {
        if (_pos < _text.Length && _text[_pos] != '/')
        {
            throw Error(ViewErrorReason.InvalidPointer, _pos, "a JSON pointer starting with '/'", "invalid JSON pointer");
        }
        var cells = new List<SourceChar>();
        while (_pos < _text.Length && !ViewSyntax.IsWhitespace(_text[_pos]) && _text[_pos] is not (',' or ')' or ';' or '}'))
        {
            cells.Add(new SourceChar(_text[_pos], false, _pos++));
        }
        if (cells.Count == 0)
        {
            throw ProcessError("a JSON pointer starting with '/'", "missing JSON pointer");
        }
        return ParsePointer(cells, cells[0].Offset, allowEmpty: false);
    }

    private void ExpectProcessChar(char expected)
    {
        if (_pos >= _text.Length || _text[_pos] != expected)
        {
            throw ProcessError($"'{expected}'", $"missing '{expected}'");
        }
        _pos++;
    }

    private void ProcessWhitespace(string expected)
    {
        if (_pos >= _text.Length || !ViewSyntax.IsWhitespace(_text[_pos]))
        {
            throw ProcessError($"whitespace then {expected}", $"missing {expected}");
        }
        SkipWhitespace();
    }

    /// <summary>INVALID_PROCESS at the current position, or UNTERMINATED at the block's '{' when the text has ended.</summary>
    private TopiaryException ProcessError(string expected, string problem) =>
        _pos >= _text.Length
            ? Error(ViewErrorReason.Unterminated, _blockStart, "'}' to close the process block", "unterminated process block", "{")
            : Error(ViewErrorReason.InvalidProcess, _pos, expected, problem);
}
