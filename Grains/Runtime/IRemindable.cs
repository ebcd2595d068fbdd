namespace Topiary.Runtime;

/// <summary>
/// Implemented by grains that register durable reminders
/// (<see cref="Grain.RegisterOrUpdateReminder(string, TimeSpan, TimeSpan)"/>).
/// </summary>
public interface IRemindable
{
    /// <summary>
    /// Runs as a turn of the grain (never concurrently with calls), activating it if needed.
    /// A tick is delivered at least once while a runtime is up at or after its due time; ticks that
    /// fell due while no runtime was running are coalesced into one tick as soon as a runtime starts.
    /// An exception is logged and does not cancel the reminder.
    /// </summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
