namespace Topiary.Runtime.Storage;

/// <summary>
/// A <see cref="IGrainStateStore"/> whose writes can also be fenced: conditional on the ETag <em>and</em> on the
/// writer's fencing token, the number that comes with a grain's ownership lease and grows with every new owner
/// (spec/cluster.md CLU-3). A silo that lost its lease, and so holds a lower token than the grain's current owner,
/// can never change the grain's record, even while it still believes it is the owner.
/// </summary>
/// <remarks>
/// The store keeps, per grain, the highest token it has seen (the <em>fence</em>); it survives a clear of the record
/// and never decreases. A fenced write or clear with a token below the fence changes nothing and throws
/// <see cref="StaleFencingTokenException"/>; with a token at or above it, the fence is raised to the token and the
/// ETag rule of <see cref="IGrainStateStore"/> applies, atomically with the fence check. Unfenced writes (standalone)
/// do not look at the fence.
/// </remarks>
public interface IFencedGrainStateStore : IGrainStateStore
{
    /// <summary>
    /// Raises the fence of the grain to <paramref name="fencingToken"/> if it is lower, and returns the fence after
    /// the call. A new owner calls it before reading the state, so no earlier owner can write after that read; a
    /// result above <paramref name="fencingToken"/> means the token is stale (for example Redis lost its counters)
    /// and the owner must take a token above the result.
    /// </summary>
    Task<long> AdvanceFenceAsync(string grainType, string key, long fencingToken, CancellationToken ct);

    /// <summary>As <see cref="IGrainStateStore.WriteAsync"/>, and only if <paramref name="fencingToken"/> is not below the fence.</summary>
    /// <exception cref="StaleFencingTokenException">A newer owner holds the grain; nothing was written.</exception>
    /// <exception cref="InconsistentStateException">The stored ETag differs; nothing was written.</exception>
    Task<string> WriteAsync(string grainType, string key, ReadOnlyMemory<byte> data, string? expectedETag, long fencingToken, CancellationToken ct);

    /// <summary>As <see cref="IGrainStateStore.ClearAsync"/>, and only if <paramref name="fencingToken"/> is not below the fence.</summary>
    /// <exception cref="StaleFencingTokenException">A newer owner holds the grain; nothing was deleted.</exception>
    /// <exception cref="InconsistentStateException">The stored ETag differs; nothing was deleted.</exception>
    Task ClearAsync(string grainType, string key, string? expectedETag, long fencingToken, CancellationToken ct);
}
