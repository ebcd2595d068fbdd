using System.Globalization;
using Topiary.Topics;

namespace Topiary.Views;

// Options (VIEW-41..VIEW-47), each at most once (VIEW-21).
internal sealed partial class ViewSpecificationParser
{
    private static readonly string[] OptionWords = ["with", "as", "throttle", "delay", "separator", "preserve", "type"];

    private sealed class OptionSet(ViewSpecificationParser parser)
    {
        private readonly List<string> _seen = [];
        private ViewOptions _options = ViewOptions.None;

        public bool Any => _seen.Count > 0;

        public string First => _seen[0];

        public static bool IsOption(string word) => Array.IndexOf(OptionWords, word) >= 0;

        public void Parse(string word, int start)
        {
            if (_seen.Contains(word))
            {
                throw parser.Error(ViewErrorReason.DuplicateOption, start, "a different option or the end", $"the option '{word}' is given twice");
            }
            _seen.Add(word);
            parser._pos += word.Length;
            _options = word switch
            {
                "with" => _options with { Properties = parser.ParseProperties() },
                "as" => _options with { ValuePointer = parser.ParseValueOption() },
                "throttle" => _options with { Throttle = parser.ParseThrottle() },
                "delay" => _options with { Delay = parser.ParseDelay() },
                "separator" => _options with { Separator = parser.ParseSeparator() },
                "preserve" => _options with { PreserveTopics = parser.ParsePreserve() },
                _ => _options with { Type = parser.ParseType() },
            };
        }

        public ViewOptions Build() => _options;
    }

    private JsonPointer ParseValueOption()
    {
        RequireWhitespace("<value(pointer)>");
        var cells = ReadClause(ClauseMode.Template, "<value(pointer)>");
        if (cells[0].Value != '<' || cells[0].Escaped)
        {
            throw Error(ViewErrorReason.SyntaxError, cells[0].Offset, "<value(pointer)>", "'as' must be followed by a <value()> directive");
        }
        var i = 0;
        var directive = ParseDirective(cells, ref i, allowValue: true);
        if (directive is not ValueDirective value)
        {
            throw Error(ViewErrorReason.UnknownDirective, cells[0].Offset, "<value(pointer)>", "only <value()> may follow 'as'");
        }
        if (i < cells.Count)
        {
            throw Error(ViewErrorReason.SyntaxError, cells[i].Offset, "whitespace after <value()>", "text after <value()>");
        }
        return value.At;
    }

    private string ParseSeparator()
    {
        RequireWhitespace("the separator string");
        var start = _pos;
        var separator = Text(ReadString("the separator string"));
        var problem = separator.Length is 0 or > 64 ? "the separator must be 1-64 characters"
            : separator.Any(char.IsControl) ? "the separator cannot contain control characters"
            : separator.Contains("//", StringComparison.Ordinal) ? "the separator cannot contain '//'"
            : separator[0] == '/' || separator[^1] == '/' ? "the separator cannot start or end with '/'"
            : null;
        return problem is null
            ? separator
            : throw Error(ViewErrorReason.InvalidSeparator, start, "1-64 characters, no control characters, no '//', not starting or ending with '/'", problem);
    }

    private bool ParsePreserve()
    {
        RequireWhitespace("'topics'");
        ExpectKeyword("topics");
        return true;
    }

    private TopicType ParseType()
    {
        RequireWhitespace("a topic type");
        var start = _pos;
        var name = Text(ReadClause(ClauseMode.Plain, "a topic type"));
        foreach (var candidate in TopicTypes.AllWireNames)
        {
            if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase) && name.All(char.IsAscii))
            {
                return TopicTypes.Parse(candidate);
            }
        }
        throw Error(ViewErrorReason.InvalidType, start, string.Join(", ", TopicTypes.AllWireNames), $"unknown topic type '{name}'", name);
    }

    /// <summary>An unsigned decimal integer at the current position, or null when there is none or it does not fit.</summary>
    private long? ReadCount()
    {
        var end = _pos;
        while (end < _text.Length && char.IsAsciiDigit(_text[end]))
        {
            end++;
        }
        if (end == _pos || (end < _text.Length && !ViewSyntax.IsWhitespace(_text[end])))
        {
            return null;
        }
        var parsed = long.TryParse(_text.AsSpan(_pos, end - _pos), NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        _pos = end;
        return parsed ? value : long.MaxValue;
    }
}
