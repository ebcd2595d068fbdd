namespace Topiary.Runtime.Cluster.Leases;

/// <summary>
/// Single activation of a grain in the cluster (spec/cluster.md CLU-3, CLU-37): a grain may run only in the process that
/// holds its lease. A lease expires unless renewed; every grant carries a fencing token higher than every token issued
/// before it, for any grain.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Of concurrent acquisitions of one grain exactly one succeeds; the lease then stays with its holder until it is
/// released or expires (<see cref="ClusterOptions.LeaseExpiry"/> after the store applied the last renewal).</item>
/// <item>The holder must stop acting for the grain once <see cref="MustStop"/> is true (<see cref="ClusterOptions.SelfFence"/>
/// after it <em>sent</em> its last successful renewal), which is at least LeaseExpiry − SelfFence before anyone else can
/// acquire it, whatever the clocks say (only their rates matter).</item>
/// <item>Should a deposed holder still write (a pause longer than the margin), its lower token is rejected by the
/// fenced store. Tokens never go backwards: the <c>minimumToken</c> of <see cref="TryAcquireAsync"/> lets a
/// new owner lift the counter above what the database has seen, if the lease store lost its data.</item>
/// <item>When the store cannot be reached the methods fail (the Redis provider with <c>RedisUnavailableException</c>). An
/// acquisition that failed that way may still have been granted: nobody holds that grant, so the grain stays
/// unavailable until it expires (at most <see cref="ClusterOptions.LeaseExpiry"/>) — never two owners.</item>
/// </list>
/// </remarks>
public interface IGrainLeases
{
    /// <summary>Acquires the lease of <paramref name="grainId"/> unless someone holds it; returns <c>null</c> if someone does.</summary>
    /// <param name="grainId">The grain, <c>type/key</c>.</param>
    /// <param name="minimumToken">The token is at least this (0: no floor).</param>
    Task<GrainLease?> TryAcquireAsync(string grainId, long minimumToken = 0);

    /// <summary>Extends the lease if this grant still holds it; <c>false</c> means it was lost (expired, or taken after expiry).</summary>
    Task<bool> RenewAsync(GrainLease lease);

    /// <summary>Gives the lease up at once if this grant still holds it (graceful deactivation, CLU-70).</summary>
    Task ReleaseAsync(GrainLease lease);

    /// <summary>The member currently holding the lease of <paramref name="grainId"/>, or <c>null</c>.</summary>
    Task<string?> ReadOwnerAsync(string grainId);

    /// <summary>Whether the holder must stop executing calls for the grain now (self-fencing).</summary>
    bool MustStop(GrainLease lease);
}
