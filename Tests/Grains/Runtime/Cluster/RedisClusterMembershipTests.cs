using System.Diagnostics;
using Topiary.Runtime.Cluster;
using Topiary.Runtime.Cluster.Redis;
using Topiary.Tests.Engines;

namespace Topiary.Tests.Grains.Runtime.Cluster;

/// <summary>Membership in a real Redis: join, leave, expiry, re-registration (CLU-1, CLU-2, CLU-30, CLU-32, CLU-35, CLU-70).</summary>
[Collection(EngineServers.Name)]
[Trait("Category", TestCategories.Cluster)]
public sealed class RedisClusterMembershipTests(RedisServer redis) : IAsyncDisposable
{
    private readonly Disposables _owned = new();
    private readonly string _clusterId = ClusterTestOptions.NewClusterId();

    public ValueTask DisposeAsync() => _owned.DisposeAsync();

    [Fact]
    public async Task CLU1_members_that_join_see_each_other_with_role_endpoint_and_status()
    {
        var silo = await JoinAsync("silo-a", MemberRole.Silo);
        var gatewaySeen = new TaskCompletionSource<MembershipSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        silo.Changed += (_, view) =>
        {
            if (view.Find("gateway-a") is not null)
            {
                gatewaySeen.TrySetResult(view);
            }
        };
        var gateway = await JoinAsync("gateway-a", MemberRole.Gateway);

        await Eventually.TrueAsync(() => silo.View.Members.Count == 2, "the silo sees the gateway");
        Assert.Equal(2, gateway.View.Members.Count);
        var seen = silo.View.Find("gateway-a")!;
        Assert.Equal((MemberRole.Gateway, "endpoint-of-gateway-a", MemberStatus.Active, gateway.Self.Incarnation),
            (seen.Role, seen.Endpoint, seen.Status, seen.Incarnation));
        Assert.Equal(["silo-a"], silo.View.Silos.Select(m => m.Name));
        Assert.Equal(2, (await gatewaySeen.Task.WaitAsync(TimeSpan.FromSeconds(5))).Members.Count);
    }

    [Fact]
    public async Task CLU1_a_name_held_by_a_live_member_is_refused_with_a_clear_message()
    {
        await JoinAsync("silo-a", MemberRole.Silo);

        var error = await Assert.ThrowsAsync<MemberNameInUseException>(() => JoinAsync("silo-a", MemberRole.Silo));

        Assert.Equal("silo-a", error.MemberName);
        Assert.Contains("'silo-a' is held by a live member at endpoint-of-silo-a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CLU70_a_graceful_leave_is_seen_at_once_and_frees_the_name()
    {
        // The observer runs on a clock that never moves, so it never re-reads periodically: only the leave's
        // notification can update its view (and the 5 s expiry is far away).
        var slow = new ClusterOptions { ClusterId = _clusterId, LivenessExpiry = TimeSpan.FromSeconds(5), LeaseExpiry = TimeSpan.FromSeconds(10), SelfFence = TimeSpan.FromSeconds(8) };
        var leaving = await JoinAsync("silo-a", MemberRole.Silo, slow);
        var staying = await JoinAsync("silo-b", MemberRole.Silo, slow, new FakeTimeProvider());
        await Eventually.TrueAsync(() => staying.View.Members.Count == 2, "both joined");

        var stopwatch = Stopwatch.StartNew();
        await leaving.LeaveAsync(default);
        await Eventually.TrueAsync(() => staying.View.Find("silo-a") is null, "the leave is seen", timeoutMilliseconds: 3_000);

        Assert.True(stopwatch.Elapsed < slow.LivenessExpiry, "seen before the key could have expired");
        await JoinAsync("silo-a", MemberRole.Silo, new ClusterOptions { ClusterId = _clusterId, LivenessExpiry = slow.LivenessExpiry, LeaseExpiry = slow.LeaseExpiry, SelfFence = slow.SelfFence });
    }

    [Fact]
    public async Task CLU30_a_member_that_stops_refreshing_is_dead_for_everyone_once_its_key_expires()
    {
        var crashed = await JoinAsync("silo-a", MemberRole.Silo);
        var observers = new[] { await JoinAsync("silo-b", MemberRole.Silo), await JoinAsync("gateway-a", MemberRole.Gateway) };
        await Eventually.TrueAsync(() => observers.All(o => o.View.Members.Count == 3), "all joined");

        await crashed.DisposeAsync(); // stops refreshing without leaving, as kill -9 would

        await Eventually.TrueAsync(() => observers.All(o => o.View.Find("silo-a") is null), "the expiry is seen by every member", timeoutMilliseconds: 3_000);
        Assert.All(observers, o => Assert.Equal(2, o.View.Members.Count));
    }

    [Fact]
    public async Task CLU71_a_draining_member_is_seen_draining()
    {
        var draining = await JoinAsync("gateway-a", MemberRole.Gateway);
        var other = await JoinAsync("gateway-b", MemberRole.Gateway);

        await draining.SetStatusAsync(MemberStatus.Draining, default);

        await Eventually.TrueAsync(() => other.View.Find("gateway-a")?.Status == MemberStatus.Draining, "the status change is seen");
        await Task.Delay(600); // longer than the expiry: the refreshed key keeps the new status
        Assert.Equal(MemberStatus.Draining, other.View.Find("gateway-a")?.Status);
    }

    [Fact]
    public async Task CLU35_a_member_whose_registration_was_lost_registers_again_as_a_new_incarnation()
    {
        var member = await JoinAsync("silo-a", MemberRole.Silo);
        var other = await JoinAsync("silo-b", MemberRole.Silo);
        var first = member.Self.Incarnation;
        await using var admin = await StackExchangeRedisConnection.ConnectAsync(redis.Configuration);

        await admin.EvaluateAsync("return redis.call('DEL', KEYS[1])", ["{" + _clusterId + "}:member:silo-a"], []);

        await Eventually.TrueAsync(() => other.View.Find("silo-a") is { } seen && seen.Incarnation != first, "the new incarnation is seen");
        Assert.Equal(member.Self.Incarnation, other.View.Find("silo-a")!.Incarnation);
        Assert.True(member.SinceLastRefresh < TimeSpan.FromSeconds(1));
    }

    internal async Task<RedisClusterMembership> JoinAsync(string name, MemberRole role, ClusterOptions? options = null, TimeProvider? time = null)
    {
        var connection = _owned.Add(await StackExchangeRedisConnection.ConnectAsync(redis.Configuration));
        if (options is not null)
        {
            options.MemberName = name;
        }
        var membership = new RedisClusterMembership(connection, options ?? ClusterTestOptions.Fast(_clusterId, name), role, "endpoint-of-" + name, time);
        await membership.JoinAsync(default);
        return _owned.Add(membership);
    }
}
