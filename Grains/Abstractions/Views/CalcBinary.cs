namespace Topiary.Views;

/// <summary><c>left op right</c> with <paramref name="Operator"/> one of <c>+ - * /</c>.</summary>
public sealed record CalcBinary(char Operator, CalcExpression Left, CalcExpression Right) : CalcExpression;
