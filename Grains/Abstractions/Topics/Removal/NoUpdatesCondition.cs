namespace Topiary.Topics.Removal;

/// <summary>
/// <c>no updates for For [after After]</c>: the topic has not been updated for at least
/// <see cref="For"/>, measured from the later of its last update and the end of the grace
/// period <see cref="After"/>.
/// </summary>
public sealed record NoUpdatesCondition(TimeSpan For, TimeSpan? After) : RemovalCondition;
