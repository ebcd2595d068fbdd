namespace Topiary.Views;

/// <summary>A node of a calculation: integer, pointer, negation or binary operation.</summary>
public abstract record CalcExpression;
