namespace Topiary.Views;

/// <summary>An integer constant.</summary>
public sealed record CalcInteger(long Value) : CalcExpression;
