namespace Topiary.Views;

/// <summary>Unary minus.</summary>
public sealed record CalcNegate(CalcExpression Operand) : CalcExpression;
