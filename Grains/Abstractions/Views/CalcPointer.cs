namespace Topiary.Views;

/// <summary>The integer at a pointer in the value as it entered the process clause.</summary>
public sealed record CalcPointer(JsonPointer At) : CalcExpression;
