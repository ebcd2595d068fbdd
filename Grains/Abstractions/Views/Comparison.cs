using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary>
/// <c>pointer operator operand</c>. The right operand is another pointer or a constant (integer,
/// string, boolean); a pointer that selects nothing makes the comparison false (VIEW-37).
/// </summary>
/// <param name="Left">The left pointer.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="RightPointer">The right pointer, or null when the right operand is <paramref name="RightConstant"/>.</param>
/// <param name="RightConstant">The constant right operand; never mutated.</param>
public sealed record Comparison(JsonPointer Left, ComparisonOperator Operator, JsonPointer? RightPointer, JsonValue? RightConstant)
    : ConditionExpression;
