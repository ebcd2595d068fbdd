namespace Topiary.Topics.Removal;

/// <summary>True when either operand is true. <c>a or b or c</c> parses as <c>(a or b) or c</c>.</summary>
public sealed record OrCondition(RemovalCondition Left, RemovalCondition Right) : RemovalCondition;
