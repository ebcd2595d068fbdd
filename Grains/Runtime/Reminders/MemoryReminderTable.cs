using Topiary.Runtime.Storage;

namespace Topiary.Runtime.Reminders;

/// <summary>An in-memory <see cref="IReminderTable"/>: same guarantees within one process, nothing survives it.</summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string GrainType, string GrainKey, string Name), ReminderEntry> _entries = [];

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadAsync(string grainType, string grainKey, string reminderName, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(_entries.GetValueOrDefault((grainType, grainKey, reminderName)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string grainKey, CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<ReminderEntry> result = [.. _entries.Values
                .Where(e => e.GrainType == grainType && e.GrainKey == grainKey)
                .OrderBy(e => e.ReminderName, StringComparer.Ordinal)];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<ReminderEntry> result = [.. _entries.Values];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken ct)
    {
        lock (_gate)
        {
            var stored = Normalise(entry);
            _entries[(entry.GrainType, entry.GrainKey, entry.ReminderName)] = stored;
            return Task.FromResult(stored.ETag);
        }
    }

    /// <inheritdoc />
    public Task<string?> TryUpdateAsync(ReminderEntry entry, string expectedETag, CancellationToken ct)
    {
        lock (_gate)
        {
            var id = (entry.GrainType, entry.GrainKey, entry.ReminderName);
            if (!_entries.TryGetValue(id, out var current) || current.ETag != expectedETag)
            {
                return Task.FromResult<string?>(null);
            }
            var stored = Normalise(entry);
            _entries[id] = stored;
            return Task.FromResult<string?>(stored.ETag);
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string grainType, string grainKey, string reminderName, string? expectedETag, CancellationToken ct)
    {
        lock (_gate)
        {
            var id = (grainType, grainKey, reminderName);
            if (!_entries.TryGetValue(id, out var current) || (expectedETag is not null && current.ETag != expectedETag))
            {
                return Task.FromResult(false);
            }
            return Task.FromResult(_entries.Remove(id));
        }
    }

    // Millisecond UTC precision, as the durable tables store it, so tests behave the same on every table.
    private static ReminderEntry Normalise(ReminderEntry entry) => entry with
    {
        FirstTickTime = TruncateToMilliseconds(entry.FirstTickTime),
        Period = TimeSpan.FromMilliseconds(Math.Floor(entry.Period.TotalMilliseconds)),
        LastTickTime = entry.LastTickTime is { } last ? TruncateToMilliseconds(last) : null,
        ETag = ETags.New(),
    };

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
