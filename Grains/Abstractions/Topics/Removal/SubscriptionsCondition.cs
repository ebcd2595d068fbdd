namespace Topiary.Topics.Removal;

/// <summary>
/// <c>[local] subscriptions &lt; Count for For [after After]</c>: the topic's subscription count
/// (UPD-83) has been below <see cref="Count"/> (at least 1) for at least <see cref="For"/>,
/// counting only time after the grace period <see cref="After"/>. <see cref="Local"/> leaves
/// out subscriptions on secondary clusters.
/// </summary>
public sealed record SubscriptionsCondition(bool Local, int Count, TimeSpan For, TimeSpan? After) : RemovalCondition;
