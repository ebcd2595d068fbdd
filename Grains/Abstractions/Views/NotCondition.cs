namespace Topiary.Views;

/// <summary><c>not operand</c>.</summary>
public sealed record NotCondition(ConditionExpression Operand) : ConditionExpression;
