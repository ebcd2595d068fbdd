namespace Topiary.Runtime.Reminders;

/// <summary>
/// Durable storage of reminders, keyed by (grain type, grain key, reminder name).
/// </summary>
/// <remarks>
/// Guarantees every implementation must keep (Tests/Grains/Runtime/Reminders/ReminderTableConformanceTests):
/// each operation is atomic per reminder; every successful write returns a new ETag never used before
/// for that reminder; conditional operations change nothing when the ETag differs. Times are stored with
/// millisecond precision in UTC.
/// </remarks>
public interface IReminderTable
{
    /// <summary>Reads one reminder, or <c>null</c>.</summary>
    Task<ReminderEntry?> ReadAsync(string grainType, string grainKey, string reminderName, CancellationToken ct);

    /// <summary>Reads the reminders of one grain, ordered by name.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string grainKey, CancellationToken ct);

    /// <summary>
    /// Reads every reminder, for the standalone reminder service at start. (A cluster provider will add
    /// a partitioned read so that each silo loads only the grains it owns.)
    /// </summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken ct);

    /// <summary>Inserts or replaces the reminder unconditionally (<see cref="ReminderEntry.ETag"/> is ignored); returns the new ETag.</summary>
    Task<string> UpsertAsync(ReminderEntry entry, CancellationToken ct);

    /// <summary>
    /// Replaces the reminder only if its stored ETag equals <paramref name="expectedETag"/>; returns the new
    /// ETag, or <c>null</c> if the reminder is missing or was changed.
    /// </summary>
    Task<string?> TryUpdateAsync(ReminderEntry entry, string expectedETag, CancellationToken ct);

    /// <summary>
    /// Deletes the reminder; with a non-null <paramref name="expectedETag"/> only if it still matches.
    /// Returns whether a row was deleted.
    /// </summary>
    Task<bool> RemoveAsync(string grainType, string grainKey, string reminderName, string? expectedETag, CancellationToken ct);
}
