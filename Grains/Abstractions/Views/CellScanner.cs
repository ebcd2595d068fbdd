using System.Globalization;
using Topiary.Errors;

namespace Topiary.Views;

/// <summary>
/// Reads the contents of a quoted condition or calculation string (VIEW-37, VIEW-38) character by
/// character, reporting errors at their position in the whole specification.
/// </summary>
internal abstract class CellScanner(string specification, IReadOnlyList<SourceChar> cells, int endOffset)
{
    protected int Position { get; set; }

    protected int Length => cells.Count;

    protected bool AtEnd => Position >= cells.Count;

    protected char Current => cells[Position].Value;

    protected char Peek(int ahead) => cells[Position + ahead].Value;

    protected string Contents => string.Concat(cells.Select(c => c.Value));

    protected int OffsetAt(int index) => index < cells.Count ? cells[index].Offset : endOffset;

    protected void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            Position++;
        }
    }

    protected bool IsAt(char c) => !AtEnd && Current == c;

    /// <summary>The ASCII letters at the current position, not consumed.</summary>
    protected string PeekWord()
    {
        var end = Position;
        while (end < cells.Count && char.IsAsciiLetter(cells[end].Value))
        {
            end++;
        }
        return Slice(Position, end);
    }

    protected string Slice(int start, int end) => string.Concat(cells.Skip(start).Take(end - start).Select(c => c.Value));

    /// <summary>A pointer starting at the current <c>/</c>, ending at whitespace or <c>)</c>.</summary>
    protected JsonPointer ReadPointer()
    {
        var start = Position;
        while (!AtEnd && !char.IsWhiteSpace(Current) && Current != ')')
        {
            Position++;
        }
        var text = Slice(start, Position);
        if (!JsonPointer.TryParse(text, out var pointer, out var index, out var problem))
        {
            throw Fail(ViewErrorReason.InvalidPointer, start + index, "a JSON pointer such as /a/b (RFC 6901)", problem, text);
        }
        return pointer;
    }

    /// <summary>ASCII digits at the current position, as a 64-bit integer (negated when <paramref name="negative"/>).</summary>
    protected long ReadInteger(bool negative)
    {
        var start = Position;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            Position++;
        }
        var digits = (negative ? "-" : "") + Slice(start, Position);
        return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Fail(ViewErrorReason.InvalidProcess, start, "an integer within 64 bits", $"integer '{digits}' out of range", digits);
    }

    protected TopiaryException Fail(string reason, int index, string expected, string problem, string? token = null)
    {
        token ??= index < cells.Count ? RunAt(index) : string.Empty;
        return ViewSyntax.Error(specification, reason, OffsetAt(index), token, expected, problem);
    }

    protected TopiaryException Fail(string expected, string problem) => Fail(ViewErrorReason.InvalidProcess, Position, expected, problem);

    private string RunAt(int index)
    {
        var end = index;
        while (end < cells.Count && !char.IsWhiteSpace(cells[end].Value))
        {
            end++;
        }
        return Slice(index, end);
    }
}
