using Topiary.Runtime.Storage;

namespace Topiary.Runtime.Cluster.Leases;

/// <summary>
/// How a silo takes ownership of a grain before activating it: acquire the lease, then raise the grain's fence in the
/// database to the lease's token <em>before</em> reading the state, so no earlier owner can write after that read.
/// If the database has seen a higher token (the lease store lost its counter), the lease is taken again above it.
/// </summary>
public static class GrainOwnership
{
    /// <summary>
    /// Claims <paramref name="grainType"/>/<paramref name="key"/>; <c>null</c> if another process holds its lease.
    /// The returned lease's token is at or above the database's fence, so this process's fenced writes pass.
    /// </summary>
    public static async Task<GrainLease?> ClaimAsync(IGrainLeases leases, IFencedGrainStateStore store, string grainType, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentNullException.ThrowIfNull(store);
        var grainId = grainType + "/" + key;
        var lease = await leases.TryAcquireAsync(grainId);
        if (lease is null)
        {
            return null;
        }
        var fence = await store.AdvanceFenceAsync(grainType, key, lease.FencingToken, ct);
        if (fence <= lease.FencingToken)
        {
            return lease;
        }
        // Tokens must never go backwards (CLU-3): give this grant back and take one above the database's fence.
        await leases.ReleaseAsync(lease);
        lease = await leases.TryAcquireAsync(grainId, fence + 1);
        if (lease is null)
        {
            return null;
        }
        fence = await store.AdvanceFenceAsync(grainType, key, lease.FencingToken, ct);
        return fence <= lease.FencingToken
            ? lease
            : throw new InvalidOperationException($"Grain '{grainId}': the lease token {lease.FencingToken} stays below the stored fence {fence}.");
    }
}
