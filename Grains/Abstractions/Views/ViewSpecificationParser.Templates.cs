using System.Globalization;
using System.Text;

namespace Topiary.Views;

// Path templates (VIEW-30), directives (VIEW-24, VIEW-31..VIEW-33) and pointers (VIEW-25).
internal sealed partial class ViewSpecificationParser
{
    private const string TemplateExpected = "a topic path of constant text and <path()>, <scalar()> or <expand()> directives";

    private PathTemplate ParseTemplate(List<SourceChar> cells, bool allowExpand)
    {
        if (cells.Count == 0)
        {
            throw Error(ViewErrorReason.InvalidTemplate, _pos - 1, TemplateExpected, "empty template");
        }
        var segments = new List<TemplateSegment>();
        var parts = new List<TemplatePart>();
        var constant = new StringBuilder();
        var i = 0;
        while (i < cells.Count)
        {
            var cell = cells[i];
            if (cell.Value == '/')
            {
                if (cell.Escaped)
                {
                    throw Error(ViewErrorReason.InvalidTemplate, cell.Offset, TemplateExpected, "escaped '/' in a template: '/' always separates segments", "\\/");
                }
                FlushConstant(constant, parts);
                if (parts.Count == 0)
                {
                    var problem = segments.Count == 0 ? "a template cannot start with '/'" : "empty segment ('//') in a template";
                    throw Error(ViewErrorReason.InvalidTemplate, cell.Offset, TemplateExpected, problem);
                }
                segments.Add(new TemplateSegment(parts));
                parts = [];
                i++;
            }
            else if (cell.Value == '<' && !cell.Escaped)
            {
                FlushConstant(constant, parts);
                var directive = ParseDirective(cells, ref i, allowValue: false);
                if (directive is ExpandDirective && !allowExpand)
                {
                    throw Error(ViewErrorReason.ExpandNotAllowed, cell.Offset, "<path()> or <scalar()>", "<expand()> cannot be used in an insert template");
                }
                parts.Add(directive);
            }
            else
            {
                constant.Append(cell.Value);
                i++;
            }
        }
        FlushConstant(constant, parts);
        if (parts.Count == 0)
        {
            throw Error(ViewErrorReason.InvalidTemplate, cells[^1].Offset, TemplateExpected, "a template cannot end with '/'");
        }
        segments.Add(new TemplateSegment(parts));
        return new PathTemplate(segments);
    }

    private static void FlushConstant(StringBuilder constant, List<TemplatePart> parts)
    {
        if (constant.Length > 0)
        {
            parts.Add(new ConstantPart(constant.ToString()));
            constant.Clear();
        }
    }

    /// <summary>A directive starting at the unescaped <c>&lt;</c> at <paramref name="i"/>; leaves <paramref name="i"/> after its <c>&gt;</c>.</summary>
    private TemplatePart ParseDirective(List<SourceChar> cells, ref int i, bool allowValue)
    {
        var start = cells[i].Offset;
        var nameStart = ++i;
        while (i < cells.Count && (cells[i].Escaped || cells[i].Value is not ('(' or '>')))
        {
            i++;
        }
        var name = Text(cells[nameStart..i]).Trim(' ', '\t', '\r', '\n');
        var nameOffset = nameStart < cells.Count ? cells[nameStart].Offset : start;
        var known = name is "path" or "scalar" or "expand" || (allowValue && name == "value");
        if (!known && (name.Length > 0 || i < cells.Count))
        {
            var allowed = allowValue ? "<value(pointer)>" : "<path(start[, count])>, <scalar(pointer)> or <expand([pointer][, namePointer])>";
            var hint = name == "value" ? "; <value()> is allowed only after 'as'" : string.Empty;
            throw Error(ViewErrorReason.UnknownDirective, nameOffset, allowed, $"unknown directive '{name}'{hint}", name);
        }
        if (i >= cells.Count)
        {
            throw Error(ViewErrorReason.Unterminated, start, "'(' arguments ')' and '>'", "unterminated directive");
        }
        if (cells[i].Value == '>')
        {
            throw Error(ViewErrorReason.InvalidDirectiveArgument, cells[i].Offset, "'(' and the arguments", $"directive '{name}' without arguments");
        }
        var arguments = new List<List<SourceChar>> { new() };
        for (i++; i < cells.Count && (cells[i].Escaped || cells[i].Value != ')'); i++)
        {
            if (cells[i].Value == ',' && !cells[i].Escaped)
            {
                arguments.Add([]);
            }
            else
            {
                arguments[^1].Add(cells[i]);
            }
        }
        if (i + 1 >= cells.Count || cells[i + 1].Value != '>' || cells[i + 1].Escaped)
        {
            var at = i + 1 < cells.Count ? cells[i + 1].Offset : i < cells.Count ? cells[i].Offset + 1 : start;
            var reason = i + 1 < cells.Count ? ViewErrorReason.SyntaxError : ViewErrorReason.Unterminated;
            throw Error(reason, at, "')>' to close the directive", "unterminated directive");
        }
        i += 2;
        return BuildDirective(name, arguments, start);
    }

    private TemplatePart BuildDirective(string name, List<List<SourceChar>> arguments, int start)
    {
        switch (name)
        {
            case "path":
                CheckArgumentCount(name, arguments, 1, 2, start);
                var first = Integer(arguments[0], start, "start");
                return new PathDirective(first, arguments.Count == 2 ? Integer(arguments[1], start, "count") : null);
            case "scalar":
                CheckArgumentCount(name, arguments, 1, 1, start);
                return new ScalarDirective(Pointer(arguments[0], start, allowEmpty: false));
            case "expand":
                CheckArgumentCount(name, arguments, 1, 2, start);
                var element = Pointer(arguments[0], start, allowEmpty: true);
                return new ExpandDirective(element, arguments.Count == 2 ? Pointer(arguments[1], start, allowEmpty: false) : null);
            default:
                CheckArgumentCount(name, arguments, 1, 1, start);
                return new ValueDirective(Pointer(arguments[0], start, allowEmpty: true));
        }
    }

    private void CheckArgumentCount(string name, List<List<SourceChar>> arguments, int min, int max, int start)
    {
        if (arguments.Count < min || arguments.Count > max)
        {
            var expected = min == max ? $"{min} argument" : $"{min} or {max} arguments";
            throw Error(ViewErrorReason.InvalidDirectiveArgument, start, expected, $"<{name}()> takes {expected}, not {arguments.Count}");
        }
    }

    private int Integer(List<SourceChar> argument, int start, string what)
    {
        var text = Text(argument).Trim(' ', '\t', '\r', '\n');
        if (text.Length == 0 || !text.All(char.IsAsciiDigit) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            var at = argument.Count > 0 ? argument[0].Offset : start;
            throw Error(ViewErrorReason.InvalidDirectiveArgument, at, $"the {what} as a non-negative integer", $"invalid {what} '{text}' in <path()>", text);
        }
        return value;
    }

    /// <summary>A pointer argument: leading unescaped spaces and tabs are ignored (VIEW-24).</summary>
    private JsonPointer Pointer(List<SourceChar> argument, int start, bool allowEmpty)
    {
        var skip = 0;
        while (skip < argument.Count && !argument[skip].Escaped && argument[skip].Value is ' ' or '\t')
        {
            skip++;
        }
        return ParsePointer(argument[skip..], argument.Count > 0 ? argument[0].Offset : start, allowEmpty);
    }

    private JsonPointer ParsePointer(List<SourceChar> cells, int offset, bool allowEmpty)
    {
        var text = Text(cells);
        if (text.Length == 0 && !allowEmpty)
        {
            throw Error(ViewErrorReason.InvalidPointer, offset, "a JSON pointer such as /a/b", "empty JSON pointer where a non-empty one is required", string.Empty);
        }
        if (!JsonPointer.TryParse(text, out var pointer, out var index, out var problem))
        {
            throw Error(ViewErrorReason.InvalidPointer, cells[index].Offset, "a JSON pointer such as /a/b (RFC 6901)", problem, text);
        }
        return pointer;
    }
}
