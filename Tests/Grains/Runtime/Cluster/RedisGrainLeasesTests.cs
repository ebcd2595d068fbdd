using System.Diagnostics;
using Topiary.Runtime.Cluster;
using Topiary.Runtime.Cluster.Leases;
using Topiary.Runtime.Cluster.Redis;
using Topiary.Tests.Engines;

namespace Topiary.Tests.Grains.Runtime.Cluster;

/// <summary>Grain ownership leases with fencing tokens in a real Redis (CLU-3, CLU-37).</summary>
[Collection(EngineServers.Name)]
[Trait("Category", TestCategories.Cluster)]
public sealed class RedisGrainLeasesTests(RedisServer redis) : IAsyncDisposable
{
    private readonly Disposables _owned = new();
    private readonly string _clusterId = ClusterTestOptions.NewClusterId();

    public ValueTask DisposeAsync() => _owned.DisposeAsync();

    [Fact]
    public async Task CLU3_of_silos_racing_for_one_grain_exactly_one_gets_the_lease()
    {
        var silos = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => LeasesAsync($"silo-{i}")));

        var grants = await Task.WhenAll(silos.Select(s => Task.Run(() => s.TryAcquireAsync("counter/k"))));

        var winner = Assert.Single(grants, g => g is not null)!;
        Assert.Equal(winner.Owner, await silos[0].ReadOwnerAsync("counter/k"));
    }

    [Fact]
    public async Task CLU3_every_new_owner_gets_a_higher_token_and_release_frees_the_grain_at_once()
    {
        var a = await LeasesAsync("silo-a");
        var b = await LeasesAsync("silo-b");
        var first = (await a.TryAcquireAsync("counter/k"))!;
        Assert.Null(await b.TryAcquireAsync("counter/k"));

        await a.ReleaseAsync(first);
        var second = (await b.TryAcquireAsync("counter/k"))!;

        Assert.True(second.FencingToken > first.FencingToken);
        Assert.False(await a.RenewAsync(first)); // the old grant cannot be revived
        Assert.Equal(1_000, (await b.TryAcquireAsync("other/k", minimumToken: 1_000))!.FencingToken);
    }

    [Fact]
    public async Task CLU37_the_holder_has_stopped_by_the_time_anyone_else_can_take_the_lease()
    {
        var a = await LeasesAsync("silo-a");
        var b = await LeasesAsync("silo-b");
        var lease = (await a.TryAcquireAsync("counter/k"))!;
        Assert.False(a.MustStop(lease));
        var clock = Stopwatch.StartNew();
        GrainLease? taken = null;

        while (taken is null && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            taken = await b.TryAcquireAsync("counter/k");
        }

        // Redis let B in no earlier than LeaseExpiry after it applied A's grant, so A's own clock (measured from
        // the earlier send) is past SelfFence, however slow the machine: A had already stopped.
        Assert.NotNull(taken);
        Assert.True(a.MustStop(lease), $"taken after {clock.Elapsed} while the holder had not stopped");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(500), $"taken after only {clock.Elapsed}");
    }

    [Fact]
    public async Task CLU3_the_keeper_holds_a_lease_past_its_expiry_and_reports_it_lost_when_taken()
    {
        var options = ClusterTestOptions.Fast(_clusterId, "silo-a");
        var a = await LeasesAsync("silo-a");
        var b = await LeasesAsync("silo-b");
        var keeper = _owned.Add(new GrainLeaseKeeper(a, options));
        var lease = (await a.TryAcquireAsync("counter/k"))!;
        keeper.Hold(lease);
        var lost = new TaskCompletionSource<GrainLease>();
        keeper.Lost += (_, l) => lost.TrySetResult(l);

        await Task.Delay(options.LeaseExpiry * 2);
        Assert.Null(await b.TryAcquireAsync("counter/k"));
        Assert.False(a.MustStop(lease));

        await using var admin = await StackExchangeRedisConnection.ConnectAsync(redis.Configuration);
        await admin.EvaluateAsync("return redis.call('DEL', KEYS[1])", ["{" + _clusterId + "}:lease:counter/k"], []);
        var thief = await b.TryAcquireAsync("counter/k");

        Assert.Same(lease, await lost.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.NotNull(thief);
        Assert.Empty(keeper.Held);
    }

    private async Task<RedisGrainLeases> LeasesAsync(string member)
    {
        var connection = _owned.Add(await StackExchangeRedisConnection.ConnectAsync(redis.Configuration));
        return new RedisGrainLeases(connection, ClusterTestOptions.Fast(_clusterId, member));
    }
}
