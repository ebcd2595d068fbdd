namespace Topiary.Views;

/// <summary><c>left or right</c> (also <c>|</c>).</summary>
public sealed record OrCondition(ConditionExpression Left, ConditionExpression Right) : ConditionExpression;
