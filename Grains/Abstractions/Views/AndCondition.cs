namespace Topiary.Views;

/// <summary><c>left and right</c> (also <c>&amp;</c>); binds tighter than <c>or</c>.</summary>
public sealed record AndCondition(ConditionExpression Left, ConditionExpression Right) : ConditionExpression;
