using System.Text;
using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary>The condition grammar of VIEW-37 over the contents of a condition string.</summary>
internal sealed class ConditionParser(string specification, IReadOnlyList<SourceChar> cells, int endOffset)
    : CellScanner(specification, cells, endOffset)
{
    private const string Operators = "=, !=, >, <, >=, <= or eq, ne, gt, lt, ge, le";

    public Condition Parse()
    {
        var root = Or();
        SkipWhitespace();
        return AtEnd ? new Condition(Contents, root) : throw Fail("'and', 'or', ')' or the end of the condition", "unexpected text in the condition");
    }

    private ConditionExpression Or()
    {
        var left = And();
        while (Connective("or", '|'))
        {
            left = new OrCondition(left, And());
        }
        return left;
    }

    private ConditionExpression And()
    {
        var left = Unary();
        while (Connective("and", '&'))
        {
            left = new AndCondition(left, Unary());
        }
        return left;
    }

    private bool Connective(string word, char symbol)
    {
        SkipWhitespace();
        if (IsAt(symbol) || PeekWord() == word)
        {
            Position += IsAt(symbol) ? 1 : word.Length;
            return true;
        }
        return false;
    }

    private ConditionExpression Unary()
    {
        SkipWhitespace();
        if (PeekWord() == "not")
        {
            Position += 3;
            return new NotCondition(Unary());
        }
        if (IsAt('('))
        {
            Position++;
            var inner = Or();
            SkipWhitespace();
            return IsAt(')') ? Advance(inner) : throw Fail("')'", "missing ')' in the condition");
        }
        if (!IsAt('/'))
        {
            throw Fail("a comparison starting with a JSON pointer, 'not' or '('", "expected a comparison");
        }
        var left = ReadPointer();
        SkipWhitespace();
        var op = Operator();
        SkipWhitespace();
        if (IsAt('/'))
        {
            return new Comparison(left, op, ReadPointer(), null);
        }
        return new Comparison(left, op, null, Constant());
    }

    private ConditionExpression Advance(ConditionExpression expression)
    {
        Position++;
        return expression;
    }

    private ComparisonOperator Operator()
    {
        string[] symbols = ["!=", ">=", "<=", "=", ">", "<", "eq", "ne", "gt", "lt", "ge", "le"];
        foreach (var symbol in symbols)
        {
            var end = Position + symbol.Length;
            if (Slice(Position, end) == symbol && (!char.IsAsciiLetter(symbol[0]) || PeekWord() == symbol))
            {
                Position = end;
                return symbol switch
                {
                    "=" or "eq" => ComparisonOperator.Equal,
                    "!=" or "ne" => ComparisonOperator.NotEqual,
                    ">" or "gt" => ComparisonOperator.Greater,
                    "<" or "lt" => ComparisonOperator.Less,
                    ">=" or "ge" => ComparisonOperator.GreaterOrEqual,
                    _ => ComparisonOperator.LessOrEqual,
                };
            }
        }
        throw Fail(Operators, AtEnd ? "missing comparison operator" : "unknown comparison operator");
    }

    private JsonValue Constant()
    {
        if (IsAt('\'') || IsAt('"'))
        {
            return JsonValue.Create(QuotedString());
        }
        if (IsAt('-') || (!AtEnd && char.IsAsciiDigit(Current)))
        {
            var negative = IsAt('-');
            Position += negative ? 1 : 0;
            if (AtEnd || !char.IsAsciiDigit(Current))
            {
                throw Fail("digits after '-'", "invalid integer");
            }
            return JsonValue.Create(ReadInteger(negative));
        }
        var word = PeekWord();
        if (word is "true" or "false")
        {
            Position += word.Length;
            return JsonValue.Create(word == "true");
        }
        throw Fail("a JSON pointer, an integer, a quoted string, true or false", "expected an operand");
    }

    private string QuotedString()
    {
        var start = Position;
        var quote = Current;
        var builder = new StringBuilder();
        for (Position++; !AtEnd && Current != quote; Position++)
        {
            if (Current == '\\' && Position + 1 < Length)
            {
                Position++;
            }
            builder.Append(Current);
        }
        if (AtEnd)
        {
            throw Fail(ViewErrorReason.Unterminated, start, $"a closing {quote}", "unterminated string in the condition");
        }
        Position++;
        return builder.ToString();
    }
}
