namespace Topiary.Views;

/// <summary>A node of a condition (VIEW-37): <c>or</c>, <c>and</c>, <c>not</c> or a comparison.</summary>
public abstract record ConditionExpression;
