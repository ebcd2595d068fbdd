namespace Topiary.Runtime.Storage;

/// <summary>
/// Durable storage of grain state records, keyed by (grain type, key).
/// </summary>
/// <remarks>
/// Guarantees every implementation must keep (Tests/Grains/Runtime/Storage/GrainStateStoreConformanceTests):
/// <list type="bullet">
/// <item>Each operation is atomic per key: a reader sees a whole record or none, never a mix.</item>
/// <item>Optimistic concurrency: writes and clears are conditional on the caller's ETag. Of concurrent
/// writers holding the same ETag exactly one succeeds; the others get <see cref="InconsistentStateException"/>
/// and change nothing.</item>
/// <item>An ETag is never reused for a key, even after a clear, so a stale writer cannot succeed by accident.</item>
/// <item>A record that cannot be deserialised is never deleted or rewritten by the runtime; only the
/// activation of that grain fails.</item>
/// </list>
/// </remarks>
public interface IGrainStateStore
{
    /// <summary>Reads the record, or <c>null</c> if none exists.</summary>
    Task<GrainStateRecord?> ReadAsync(string grainType, string key, CancellationToken ct);

    /// <summary>
    /// Writes <paramref name="data"/> if the stored ETag equals <paramref name="expectedETag"/>;
    /// <c>null</c> means the record must not exist. Returns the new ETag.
    /// </summary>
    /// <exception cref="InconsistentStateException">The stored ETag differs; nothing was written.</exception>
    Task<string> WriteAsync(string grainType, string key, ReadOnlyMemory<byte> data, string? expectedETag, CancellationToken ct);

    /// <summary>
    /// Deletes the record if the stored ETag equals <paramref name="expectedETag"/>. With <c>null</c>
    /// the record must not exist, so the call changes nothing and succeeds.
    /// </summary>
    /// <exception cref="InconsistentStateException">The stored ETag differs; nothing was deleted.</exception>
    Task ClearAsync(string grainType, string key, string? expectedETag, CancellationToken ct);

    /// <summary>
    /// Lists the keys with a record for <paramref name="grainType"/>, in no particular order, for rebuilding
    /// indexes at start (for example the topic catalog). Records written or cleared during the enumeration
    /// may or may not be included.
    /// </summary>
    IAsyncEnumerable<string> ListKeysAsync(string grainType, CancellationToken ct);
}
