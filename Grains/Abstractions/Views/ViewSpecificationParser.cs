using System.Text;
using Topiary.Errors;
using Topiary.Selectors;

namespace Topiary.Views;

/// <summary>
/// Recursive-descent parser of the grammar of VIEW-27. One instance parses one text; every error
/// is a positioned <c>INVALID_VIEW_SPECIFICATION</c> (VIEW-95), raised as a
/// <see cref="TopiaryException"/> and nothing else.
/// </summary>
internal sealed partial class ViewSpecificationParser
{
    private const string ClauseKeywords = "'process', 'patch', 'insert', 'with', 'as', 'throttle', 'delay', 'separator', 'preserve' or 'type'";

    private readonly string _text;
    private int _pos;

    private ViewSpecificationParser(string text) => _text = text;

    public static ViewSpecification Parse(string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > ViewSpecification.MaxBytes)
        {
            throw ViewSyntax.Error(text, ViewErrorReason.SpecTooLong, 0, string.Empty,
                "at most 65,536 bytes of UTF-8", $"the specification has {bytes} bytes");
        }
        // Specifications are stored and sent as UTF-8, which cannot carry a lone surrogate.
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw ViewSyntax.Error(text, ViewErrorReason.SyntaxError, i, text[i].ToString(), "valid Unicode text", "unpaired surrogate");
            }
        }
        return new ViewSpecificationParser(text).ParseSpecification();
    }

    private ViewSpecification ParseSpecification()
    {
        SkipWhitespace();
        ExpectKeyword("map");
        RequireWhitespace("a selector after 'map'");
        var selectorAt = _pos;
        var selector = ParseSelector(ReadClause(ClauseMode.Plain, "a topic selector"), selectorAt);
        RequireWhitespace("'from' or 'to'");
        string? server = null;
        if (PeekWord() == "from")
        {
            _pos += 4;
            RequireWhitespace("a remote server name");
            var serverAt = _pos;
            server = ParseServerName(ReadClause(ClauseMode.Plain, "a remote server name"), serverAt);
            RequireWhitespace("'to'");
        }
        ExpectKeyword("to");
        RequireWhitespace("a path template after 'to'");
        var target = ParseTemplate(ReadClause(ClauseMode.Template, "a path template"), allowExpand: true);
        var transformations = new List<ViewTransformation>();
        var options = new OptionSet(this);
        while (NextClause())
        {
            var start = _pos;
            var word = PeekWord();
            if (word is "process" or "patch" or "insert")
            {
                CheckTransformationOrder(word, start, transformations, options);
                transformations.Add(ParseTransformation(word));
            }
            else if (OptionSet.IsOption(word))
            {
                options.Parse(word, start);
            }
            else
            {
                throw Error(ViewErrorReason.SyntaxError, start, ClauseKeywords, "unknown clause");
            }
        }
        return new ViewSpecification(selector, server, target, transformations, options.Build());
    }

    private void CheckTransformationOrder(string word, int start, List<ViewTransformation> transformations, OptionSet options)
    {
        if (options.Any)
        {
            throw Error(ViewErrorReason.TransformationAfterOption, start, "an option ('with', 'as', 'throttle', 'delay', 'separator', 'preserve', 'type') or the end",
                $"'{word}' comes after the option '{options.First}'; transformations must come before options");
        }
        if (word != "insert" && transformations.Any(t => t is InsertTransformation))
        {
            throw Error(ViewErrorReason.InsertNotLast, start, "'insert', an option or the end",
                $"'{word}' comes after an 'insert'; every 'insert' must come after every 'process' and 'patch'");
        }
    }

    private ViewTransformation ParseTransformation(string word)
    {
        _pos += word.Length;
        return word switch
        {
            "process" => ParseProcess(),
            "patch" => ParsePatch(),
            _ => ParseInsert(),
        };
    }

    /// <summary>After a clause: true when another clause follows (separated by whitespace), false at the end.</summary>
    private bool NextClause()
    {
        if (_pos >= _text.Length)
        {
            return false;
        }
        if (!ViewSyntax.IsWhitespace(_text[_pos]))
        {
            throw Error(ViewErrorReason.SyntaxError, _pos, "whitespace before the next clause", "unexpected text after a clause");
        }
        SkipWhitespace();
        return _pos < _text.Length;
    }

    private TopicSelector ParseSelector(List<SourceChar> cells, int start)
    {
        var text = Text(cells);
        if (TopicSelector.TryParse(text, out var selector, out var error))
        {
            return selector;
        }
        var position = error.Details?["position"]?.GetValue<int>() ?? 0;
        var offset = cells.Count == 0 ? start : cells[Math.Clamp(position, 0, cells.Count - 1)].Offset;
        var exception = ViewSyntax.Error(_text, ViewErrorReason.InvalidSelector, offset, text, "a topic selector (selectors.md)",
            error.Message.Replace("INVALID_SELECTOR: ", "", StringComparison.Ordinal));
        // The selector's own error stays available to clients that show it in detail.
        exception.Error.Details!["selectorError"] = error.Details?.DeepClone();
        throw exception;
    }

    private string ParseServerName(List<SourceChar> cells, int start)
    {
        var name = Text(cells);
        var bad = name.Length is 0 or > 128 ? 0 : name.AsSpan().IndexOfAnyExcept(ServerNameChars);
        if (bad >= 0 || name.Length == 0 || !char.IsAsciiLetterOrDigit(name[0]))
        {
            var offset = cells.Count == 0 ? start : cells[Math.Max(bad, 0)].Offset;
            throw ViewSyntax.Error(_text, ViewErrorReason.InvalidServerName, offset, name,
                "a remote server name of 1-128 characters from A-Z a-z 0-9 _ . - starting with a letter or digit",
                $"invalid remote server name '{name}'");
        }
        return name;
    }

    private static readonly System.Buffers.SearchValues<char> ServerNameChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-");

    private TopiaryException Error(string reason, int offset, string expected, string problem, string? token = null) =>
        ViewSyntax.Error(_text, reason, offset, token, expected, problem);

    private static string Text(List<SourceChar> cells) => string.Concat(cells.Select(c => c.Value));
}
