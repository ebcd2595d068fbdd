namespace Topiary.Topics.Removal;

/// <summary><c>this session closes</c>: the session that created the topic has closed (not merely failed over).</summary>
public sealed record ThisSessionClosesCondition : RemovalCondition;
