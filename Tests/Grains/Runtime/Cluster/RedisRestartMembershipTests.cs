using Topiary.Runtime.Cluster;
using Topiary.Runtime.Cluster.Redis;
using Topiary.Tests.Engines;

namespace Topiary.Tests.Grains.Runtime.Cluster;

/// <summary>Redis killed and started empty under a running cluster (CLU-32), with a real redis-server.</summary>
[Collection(EngineServers.Name)]
[Trait("Category", TestCategories.Cluster)]
public sealed class RedisRestartMembershipTests(RedisServer redis) : IAsyncDisposable
{
    private readonly Disposables _owned = new();

    public ValueTask DisposeAsync() => _owned.DisposeAsync();

    [Fact]
    public async Task CLU32_after_a_Redis_restart_that_lost_every_key_every_member_registers_again_without_manual_action()
    {
        var clusterId = ClusterTestOptions.NewClusterId();
        var members = new List<RedisClusterMembership>();
        foreach (var (name, role) in new[] { ("silo-a", MemberRole.Silo), ("silo-b", MemberRole.Silo), ("gateway-a", MemberRole.Gateway) })
        {
            var connection = _owned.Add(await StackExchangeRedisConnection.ConnectAsync(redis.Configuration));
            var membership = _owned.Add(new RedisClusterMembership(connection, ClusterTestOptions.Fast(clusterId, name), role, name));
            await membership.JoinAsync(default);
            members.Add(membership);
        }
        await Eventually.TrueAsync(() => members.All(m => m.View.Members.Count == 3), "all joined");
        var before = members.Select(m => m.Self.Incarnation).ToList();

        redis.Kill();
        await Task.Delay(200);
        await redis.StartAsync();

        await Eventually.TrueAsync(
            () => members.All(m => m.View.Members.Count == 3 && m.View.Members.All(seen => !before.Contains(seen.Incarnation))),
            "every member sees every other's new registration", timeoutMilliseconds: 10_000);
        await using var admin = await StackExchangeRedisConnection.ConnectAsync(redis.Configuration);
        var keys = await admin.GetAsync([.. members.Select(m => "{" + clusterId + "}:member:" + m.Self.Name)]);
        Assert.All(keys, Assert.NotNull);
        Assert.Equal(3, (await admin.HashGetAllAsync("{" + clusterId + "}:members")).Count);
    }
}
