namespace Topiary.Runtime.Cluster;

/// <summary>
/// Which silos and gateways are alive (spec/cluster.md CLU-1, CLU-2, CLU-30 … CLU-32). Each member registers itself
/// with a liveness key that expires unless refreshed; a member whose key expires is failed for every other member at
/// once, because they all read the same keys — there is no gossip and no vote.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The view is eventually consistent: a join or graceful leave is seen by the others within one round trip
/// (a notification), an expiry within <see cref="ClusterOptions.LivenessExpiry"/> + <see cref="ClusterOptions.LivenessRefresh"/>
/// (periodic re-read). <see cref="Changed"/> is raised once per observed change, never concurrently.</item>
/// <item>While the store cannot be reached the view keeps its last state: a member cannot tell its own isolation from
/// the others' failure, so it must judge itself by <see cref="SinceLastRefresh"/> (CLU-35) instead.</item>
/// <item>A member whose registration was lost (it expired, or Redis lost its data) registers again as a new
/// incarnation on its next refresh, without manual action.</item>
/// </list>
/// </remarks>
public interface IClusterMembership
{
    /// <summary>This process's current registration (a new <see cref="ClusterMember.Incarnation"/> after re-registering).</summary>
    ClusterMember Self { get; }

    /// <summary>The live members as last read.</summary>
    MembershipSnapshot View { get; }

    /// <summary>
    /// Time since this member <em>sent</em> its last successful liveness refresh, by the local monotonic clock. Past
    /// <see cref="ClusterOptions.LivenessExpiry"/> the others may already consider it failed.
    /// </summary>
    TimeSpan SinceLastRefresh { get; }

    /// <summary>Raised with the new view whenever the set of live registrations changes.</summary>
    event EventHandler<MembershipSnapshot>? Changed;

    /// <summary>Registers this process and starts refreshing.</summary>
    /// <exception cref="MemberNameInUseException">A live member already holds the name (CLU-1); nothing was registered.</exception>
    Task JoinAsync(CancellationToken ct);

    /// <summary>Marks this member draining (or active again); the others see it within one round trip.</summary>
    Task SetStatusAsync(MemberStatus status, CancellationToken ct);

    /// <summary>Graceful shutdown: stops refreshing and removes the registration at once (no wait for expiry).</summary>
    Task LeaveAsync(CancellationToken ct);
}
