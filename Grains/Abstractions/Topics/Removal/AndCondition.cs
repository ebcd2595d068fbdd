namespace Topiary.Topics.Removal;

/// <summary>True when both operands are true. <c>a and b and c</c> parses as <c>(a and b) and c</c>.</summary>
public sealed record AndCondition(RemovalCondition Left, RemovalCondition Right) : RemovalCondition;
