namespace Topiary.Runtime.Cluster.Leases;

/// <summary>
/// Ownership of one grain by this process, as granted by <see cref="IGrainLeases"/>. Mutable only through the
/// lease provider (renewals); read it from any thread.
/// </summary>
public sealed class GrainLease
{
    private long _lastRenewalSent;

    internal GrainLease(string grainId, string owner, long fencingToken, string value, long sentAt)
    {
        GrainId = grainId;
        Owner = owner;
        FencingToken = fencingToken;
        Value = value;
        _lastRenewalSent = sentAt;
    }

    /// <summary>The grain (<c>type/key</c>).</summary>
    public string GrainId { get; }

    /// <summary>The member name of the owner (this process).</summary>
    public string Owner { get; }

    /// <summary>
    /// The fencing token of this ownership: higher than the token of every earlier owner of the grain. Pass it with every
    /// durable write (<see cref="Storage.IFencedGrainStateStore"/>), so writes of a deposed owner are rejected.
    /// </summary>
    public long FencingToken { get; }

    /// <summary>The value stored under the lease key; identifies this grant exactly.</summary>
    internal string Value { get; }

    /// <summary>Monotonic timestamp (<see cref="TimeProvider.GetTimestamp"/>) of when the last successful acquisition or renewal was sent.</summary>
    internal long LastRenewalSent => Volatile.Read(ref _lastRenewalSent);

    internal void Renewed(long sentAt) => Volatile.Write(ref _lastRenewalSent, sentAt);
}
