namespace Topiary.Views;

/// <summary>
/// The calculation grammar of VIEW-38. A <c>/</c> followed by whitespace divides; any other
/// <c>/</c> starts a pointer, which ends at whitespace or <c>)</c>.
/// </summary>
internal sealed class CalculationParser(string specification, IReadOnlyList<SourceChar> cells, int endOffset)
    : CellScanner(specification, cells, endOffset)
{
    public Calculation Parse()
    {
        var root = Expression();
        SkipWhitespace();
        return AtEnd ? new Calculation(Contents, root) : throw Fail("an operator (+ - * /) or the end of the calculation", "unexpected text in the calculation");
    }

    private CalcExpression Expression()
    {
        var left = Term();
        while (true)
        {
            SkipWhitespace();
            if (!IsAt('+') && !IsAt('-'))
            {
                return left;
            }
            var op = Current;
            Position++;
            left = new CalcBinary(op, left, Term());
        }
    }

    private CalcExpression Term()
    {
        var left = Factor();
        while (true)
        {
            SkipWhitespace();
            var division = IsAt('/') && Position + 1 < Length && char.IsWhiteSpace(Peek(1));
            if (!IsAt('*') && !division)
            {
                return left;
            }
            var op = Current;
            Position++;
            left = new CalcBinary(op, left, Factor());
        }
    }

    private CalcExpression Factor()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Fail("an integer, a JSON pointer, '-' or '('", "incomplete calculation");
        }
        switch (Current)
        {
            case '(':
                Position++;
                var inner = Expression();
                SkipWhitespace();
                if (!IsAt(')'))
                {
                    throw Fail("')'", "missing ')' in the calculation");
                }
                Position++;
                return inner;
            case '-':
                Position++;
                return new CalcNegate(Factor());
            case '/':
                return new CalcPointer(ReadPointer());
            case >= '0' and <= '9':
                return new CalcInteger(ReadInteger(negative: false));
            default:
                throw Fail("an integer, a JSON pointer, '-' or '('", $"unexpected '{Current}' in the calculation (only + - * / on integers)");
        }
    }
}
