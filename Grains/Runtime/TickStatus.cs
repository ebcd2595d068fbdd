namespace Topiary.Runtime;

/// <summary>The schedule of a reminder tick, passed to <see cref="IRemindable.ReceiveReminder"/>.</summary>
/// <param name="FirstTickTime">When the reminder was first due (registration time plus due time).</param>
/// <param name="Period">The time between ticks.</param>
/// <param name="CurrentTickTime">When this tick fired; later than its scheduled time after a restart.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
