using Topiary.Runtime.Cluster;

namespace Topiary.Tests.Grains.Runtime.Cluster;

[Trait("Category", TestCategories.Unit)]
public sealed class ClusterOptionsTests
{
    [Fact]
    public void CLU2_the_defaults_are_valid()
    {
        var options = new ClusterOptions();

        options.Validate();

        Assert.Equal((1_000, 3_000, 1_000, 5_000, 4_000), ((int)options.LivenessRefresh.TotalMilliseconds, (int)options.LivenessExpiry.TotalMilliseconds,
            (int)options.LeaseRenew.TotalMilliseconds, (int)options.LeaseExpiry.TotalMilliseconds, (int)options.SelfFence.TotalMilliseconds));
    }

    [Theory]
    [InlineData(3_000, 3_000, 1_000, 4_000, 5_000, "LivenessRefreshMs (3000) < LivenessExpiryMs (3000) < LeaseExpiryMs (5000) must hold")]
    [InlineData(1_000, 6_000, 1_000, 4_000, 5_000, "LivenessRefreshMs (1000) < LivenessExpiryMs (6000) < LeaseExpiryMs (5000) must hold")]
    [InlineData(1_000, 3_000, 4_000, 4_000, 5_000, "LeaseRenewMs (4000) < SelfFenceMs (4000) < LeaseExpiryMs (5000) must hold")]
    [InlineData(1_000, 3_000, 1_000, 5_000, 5_000, "LeaseRenewMs (1000) < SelfFenceMs (5000) < LeaseExpiryMs (5000) must hold")]
    public void CLU2_a_member_refuses_settings_that_break_the_safety_argument(int refresh, int expiry, int renew, int selfFence, int lease, string message)
    {
        var options = new ClusterOptions
        {
            LivenessRefresh = TimeSpan.FromMilliseconds(refresh),
            LivenessExpiry = TimeSpan.FromMilliseconds(expiry),
            LeaseRenew = TimeSpan.FromMilliseconds(renew),
            SelfFence = TimeSpan.FromMilliseconds(selfFence),
            LeaseExpiry = TimeSpan.FromMilliseconds(lease),
        };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Equal($"Invalid cluster setting: {message} (spec/cluster.md CLU-2).", error.Message);
    }

    [Fact]
    public void CLU1_an_empty_member_name_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(new ClusterOptions { MemberName = " " }.Validate);

        Assert.Contains("MemberName must not be empty", error.Message, StringComparison.Ordinal);
    }
}
