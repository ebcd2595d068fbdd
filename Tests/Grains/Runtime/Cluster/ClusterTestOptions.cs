using Topiary.Runtime.Cluster;

namespace Topiary.Tests.Grains.Runtime.Cluster;

/// <summary>Cluster options with short, real times (sub-second), so engine tests finish in about a second each.</summary>
internal static class ClusterTestOptions
{
    /// <summary>Refresh 100 ms, liveness expiry 400 ms, leases 1 s (renew 200 ms, self-fence 800 ms), in a cluster of its own.</summary>
    public static ClusterOptions Fast(string clusterId, string memberName) => new()
    {
        ClusterId = clusterId,
        MemberName = memberName,
        LivenessRefresh = TimeSpan.FromMilliseconds(100),
        LivenessExpiry = TimeSpan.FromMilliseconds(400),
        LeaseRenew = TimeSpan.FromMilliseconds(200),
        SelfFence = TimeSpan.FromMilliseconds(800),
        LeaseExpiry = TimeSpan.FromSeconds(1),
    };

    /// <summary>A cluster id no other test uses.</summary>
    public static string NewClusterId() => "test-" + Guid.NewGuid().ToString("N")[..12];
}
