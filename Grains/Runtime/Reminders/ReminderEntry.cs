namespace Topiary.Runtime.Reminders;

/// <summary>A durable reminder as stored in an <see cref="IReminderTable"/>.</summary>
/// <param name="GrainType">The stored grain type name (see <see cref="GrainTypeAttribute"/>).</param>
/// <param name="GrainKey">The grain's key.</param>
/// <param name="ReminderName">Unique per grain.</param>
/// <param name="FirstTickTime">When the first tick is due; later ticks are due every <paramref name="Period"/> after it.</param>
/// <param name="Period">The time between ticks; positive.</param>
/// <param name="LastTickTime">The scheduled time of the last tick delivered, or <c>null</c> if none was.</param>
/// <param name="ETag">The version read from the table; ignored when writing.</param>
public sealed record ReminderEntry(
    string GrainType,
    string GrainKey,
    string ReminderName,
    DateTimeOffset FirstTickTime,
    TimeSpan Period,
    DateTimeOffset? LastTickTime,
    string ETag)
{
    /// <summary>The scheduled time of the next tick: the first tick, or the first period boundary after the last tick.</summary>
    public DateTimeOffset NextTickTime()
    {
        if (LastTickTime is not { } last || last < FirstTickTime)
        {
            return FirstTickTime;
        }
        var elapsedPeriods = (last - FirstTickTime).Ticks / Period.Ticks;
        return FirstTickTime + TimeSpan.FromTicks((elapsedPeriods + 1) * Period.Ticks);
    }

    /// <summary>The latest period boundary at or before <paramref name="now"/> (ticks missed in between are coalesced).</summary>
    public DateTimeOffset LatestTickAtOrBefore(DateTimeOffset now)
    {
        if (now < FirstTickTime)
        {
            return FirstTickTime;
        }
        var elapsedPeriods = (now - FirstTickTime).Ticks / Period.Ticks;
        return FirstTickTime + TimeSpan.FromTicks(elapsedPeriods * Period.Ticks);
    }
}
