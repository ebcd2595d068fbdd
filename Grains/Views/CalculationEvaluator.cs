using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary>
/// 64-bit signed integer arithmetic (VIEW-38). Fails (returns false) when a pointer selects nothing
/// or a non-integer, on division by zero, and on overflow; division truncates toward zero.
/// </summary>
internal static class CalculationEvaluator
{
    public static bool TryEvaluate(CalcExpression expression, JsonNode? value, out long result)
    {
        result = 0;
        switch (expression)
        {
            case CalcInteger integer:
                result = integer.Value;
                return true;
            case CalcPointer pointer:
                return pointer.At.TryGet(value, out var node) && JsonText.TryInteger(node, out result);
            case CalcNegate negate:
                if (!TryEvaluate(negate.Operand, value, out var operand) || operand == long.MinValue)
                {
                    return false;
                }
                result = -operand;
                return true;
            case CalcBinary binary:
                return TryEvaluate(binary.Left, value, out var left)
                    && TryEvaluate(binary.Right, value, out var right)
                    && TryApply(binary.Operator, left, right, out result);
            default:
                return false;
        }
    }

    private static bool TryApply(char op, long left, long right, out long result)
    {
        result = 0;
        switch (op)
        {
            case '+':
                result = unchecked(left + right);
                return ((left ^ result) & (right ^ result)) >= 0;
            case '-':
                result = unchecked(left - right);
                return ((left ^ right) & (left ^ result)) >= 0;
            case '*':
                var high = Math.BigMul(left, right, out long low);
                result = low;
                return (high == 0 && low >= 0) || (high == -1 && low < 0);
            default:
                if (right == 0 || (left == long.MinValue && right == -1))
                {
                    return false;
                }
                result = left / right;
                return true;
        }
    }
}
