using System.Globalization;

namespace Topiary.Runtime.Cluster;

/// <summary>
/// Settings of cluster mode (<c>Topiary:Cluster:…</c>, spec/cluster.md CLU-1, CLU-2). Defaults are sized so that a
/// killed silo's grains can be activated elsewhere within 5 s.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>Prefix of every Redis key and channel, so several clusters can share one Redis. Default <c>topiary</c>.</summary>
    public string ClusterId { get; set; } = "topiary";

    /// <summary>This process's name, unique among live members (CLU-1). Default: the host (pod) name.</summary>
    public string MemberName { get; set; } = Environment.MachineName;

    /// <summary>How often a member refreshes its liveness key. Default 1 s.</summary>
    public TimeSpan LivenessRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Expiry of the liveness key; a member whose key expires is failed for everyone. Default 3 s.</summary>
    public TimeSpan LivenessExpiry { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often a silo renews its grain ownership leases. Default 1 s.</summary>
    public TimeSpan LeaseRenew { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Expiry of a grain ownership lease. Default 5 s.</summary>
    public TimeSpan LeaseExpiry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A silo that has not renewed its leases for this long stops executing grain calls. Default 4 s.</summary>
    public TimeSpan SelfFence { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Checks CLU-2: <c>LivenessRefresh &lt; LivenessExpiry &lt; LeaseExpiry</c> and <c>LeaseRenew &lt; SelfFence &lt;
    /// LeaseExpiry</c>, which the split-brain argument of CLU-37 needs, and that the names are usable.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is wrong; the message names it and its value.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(ClusterId) && !ClusterId.Contains('}', StringComparison.Ordinal),
            $"Topiary:Cluster:ClusterId must be a non-empty name without '}}' (was '{ClusterId}')");
        Require(!string.IsNullOrWhiteSpace(MemberName), "Topiary:Cluster:MemberName must not be empty");
        Require(LivenessRefresh > TimeSpan.Zero && LeaseRenew > TimeSpan.Zero, "LivenessRefreshMs and LeaseRenewMs must be positive");
        Require(LivenessRefresh < LivenessExpiry && LivenessExpiry < LeaseExpiry,
            $"LivenessRefreshMs ({Ms(LivenessRefresh)}) < LivenessExpiryMs ({Ms(LivenessExpiry)}) < LeaseExpiryMs ({Ms(LeaseExpiry)}) must hold");
        Require(LeaseRenew < SelfFence && SelfFence < LeaseExpiry,
            $"LeaseRenewMs ({Ms(LeaseRenew)}) < SelfFenceMs ({Ms(SelfFence)}) < LeaseExpiryMs ({Ms(LeaseExpiry)}) must hold");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Invalid cluster setting: {message} (spec/cluster.md CLU-2).");
        }
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
}
