using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary>
/// Evaluates a condition against the value as it entered the process clause (VIEW-37): a pointer
/// that selects nothing makes its comparison false for every operator; ordering compares JSON
/// integers only; equality is JSON equality.
/// </summary>
internal static class ConditionEvaluator
{
    public static bool IsTrue(ConditionExpression expression, JsonNode? value) => expression switch
    {
        OrCondition or => IsTrue(or.Left, value) || IsTrue(or.Right, value),
        AndCondition and => IsTrue(and.Left, value) && IsTrue(and.Right, value),
        NotCondition not => !IsTrue(not.Operand, value),
        Comparison comparison => Compare(comparison, value),
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression, "unknown condition node"),
    };

    private static bool Compare(Comparison comparison, JsonNode? value)
    {
        if (!comparison.Left.TryGet(value, out var left))
        {
            return false;
        }
        JsonNode? right = comparison.RightConstant;
        if (comparison.RightPointer is { } pointer && !pointer.TryGet(value, out right))
        {
            return false;
        }
        switch (comparison.Operator)
        {
            case ComparisonOperator.Equal:
                return JsonNode.DeepEquals(left, right);
            case ComparisonOperator.NotEqual:
                return !JsonNode.DeepEquals(left, right);
        }
        if (!JsonText.TryInteger(left, out var l) || !JsonText.TryInteger(right, out var r))
        {
            return false;
        }
        return comparison.Operator switch
        {
            ComparisonOperator.Greater => l > r,
            ComparisonOperator.Less => l < r,
            ComparisonOperator.GreaterOrEqual => l >= r,
            _ => l <= r,
        };
    }
}
