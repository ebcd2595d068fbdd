namespace Topiary.Views;

/// <summary>A parsed calculation string of <c>set(p, calc "…")</c> (VIEW-38): 64-bit integer arithmetic.</summary>
/// <param name="Text">The calculation as written (unquoted).</param>
/// <param name="Root">The expression tree.</param>
public sealed record Calculation(string Text, CalcExpression Root);
