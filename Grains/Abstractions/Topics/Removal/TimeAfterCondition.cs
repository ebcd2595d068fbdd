namespace Topiary.Topics.Removal;

/// <summary>
/// <c>time after T</c>: true once the current time is at or after <see cref="Time"/>. Written as
/// milliseconds since the Unix epoch or as a quoted RFC 1123 date; held in UTC.
/// </summary>
public sealed record TimeAfterCondition(DateTimeOffset Time) : RemovalCondition;
