using System.Runtime.CompilerServices;

namespace Topiary.Runtime.Storage;

/// <summary>
/// An in-memory <see cref="IGrainStateStore"/> for tests and throwaway runs: same guarantees as the
/// durable stores within one process, nothing survives the process.
/// </summary>
public sealed class MemoryGrainStateStore : IGrainStateStore
{
    // One lock for the whole store: operations are tiny and this keeps compare-and-set obviously atomic.
    private readonly Lock _gate = new();
    private readonly Dictionary<(string GrainType, string Key), GrainStateRecord> _records = [];

    /// <inheritdoc />
    public Task<GrainStateRecord?> ReadAsync(string grainType, string key, CancellationToken ct)
    {
        lock (_gate)
        {
            // Hand out a copy so a caller mutating the array cannot change the stored value.
            return Task.FromResult(_records.TryGetValue((grainType, key), out var record)
                ? record with { Data = (byte[])record.Data.Clone() }
                : null);
        }
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(string grainType, string key, ReadOnlyMemory<byte> data, string? expectedETag, CancellationToken ct)
    {
        lock (_gate)
        {
            _records.TryGetValue((grainType, key), out var current);
            if (current?.ETag != expectedETag)
            {
                throw new InconsistentStateException(grainType, key, expectedETag, current?.ETag);
            }
            var record = new GrainStateRecord(data.ToArray(), ETags.New());
            _records[(grainType, key)] = record;
            return Task.FromResult(record.ETag);
        }
    }

    /// <inheritdoc />
    public Task ClearAsync(string grainType, string key, string? expectedETag, CancellationToken ct)
    {
        lock (_gate)
        {
            _records.TryGetValue((grainType, key), out var current);
            if (current?.ETag != expectedETag)
            {
                throw new InconsistentStateException(grainType, key, expectedETag, current?.ETag);
            }
            _records.Remove((grainType, key));
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListKeysAsync(string grainType, [EnumeratorCancellation] CancellationToken ct)
    {
        List<string> keys;
        lock (_gate)
        {
            keys = [.. _records.Keys.Where(k => k.GrainType == grainType).Select(k => k.Key)];
        }
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            ct.ThrowIfCancellationRequested();
            yield return key;
        }
        await Task.CompletedTask;
    }
}
