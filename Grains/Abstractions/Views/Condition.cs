namespace Topiary.Views;

/// <summary>A parsed condition string of a <c>process</c> branch (VIEW-37).</summary>
/// <param name="Text">The condition as written (unquoted).</param>
/// <param name="Root">The expression tree.</param>
public sealed record Condition(string Text, ConditionExpression Root);
