using Topiary.Runtime.Cluster;
using Topiary.Runtime.Cluster.Leases;
using Topiary.Runtime.Cluster.Redis;
using Topiary.Runtime.Storage;
using Topiary.Runtime.Storage.PostgreSql;
using Topiary.Tests.Engines;
using Xunit.Abstractions;

namespace Topiary.Tests.Grains.Runtime.Cluster;

/// <summary>
/// Two "silos" in one test process, each with its own Redis connection and PostgreSQL pool, contending for one grain:
/// leases (real Redis) plus fenced writes (real PostgreSQL) keep a single writer (CLU-3, CLU-21).
/// </summary>
[Collection(EngineServers.Name)]
[Trait("Category", TestCategories.Cluster)]
public sealed class FencedOwnershipTests(RedisServer redis, PostgresServer postgres, ITestOutputHelper output) : IAsyncDisposable
{
    private readonly Disposables _owned = new();
    private readonly string _clusterId = ClusterTestOptions.NewClusterId();
    private readonly string _database = postgres.CreateSchema();

    public ValueTask DisposeAsync() => _owned.DisposeAsync();

    [Fact]
    public async Task CLU3_a_deposed_owner_holding_the_current_ETag_cannot_write_once_the_new_owner_has_claimed()
    {
        var a = await SiloAsync("silo-a", ClusterTestOptions.Fast(_clusterId, "silo-a"));
        var b = await SiloAsync("silo-b", ClusterTestOptions.Fast(_clusterId, "silo-b"));
        var leaseA = (await GrainOwnership.ClaimAsync(a.Leases, a.Store, "counter", "k", default))!;
        var eTag = await a.Store.WriteAsync("counter", "k", Value(1), null, leaseA.FencingToken, default);

        // A stops renewing (a long GC pause, a partition); B takes over once the lease expired, and reads.
        var leaseB = await ClaimWhenFreeAsync(b);
        var seenByB = (await b.Store.ReadAsync("counter", "k", default))!;
        Assert.Equal(eTag, seenByB.ETag);

        var stale = await Assert.ThrowsAsync<StaleFencingTokenException>(
            () => a.Store.WriteAsync("counter", "k", Value(2), eTag, leaseA.FencingToken, default));
        await b.Store.WriteAsync("counter", "k", Value(2), seenByB.ETag, leaseB.FencingToken, default);

        Assert.Equal((leaseA.FencingToken, leaseB.FencingToken), (stale.FencingToken, stale.Fence));
        Assert.True(a.Leases.MustStop(leaseA), "the deposed owner had self-fenced as well");
    }

    [Fact]
    public async Task CLU3_tokens_never_go_backwards_when_Redis_loses_its_data()
    {
        var a = await SiloAsync("silo-a", ClusterTestOptions.Fast(_clusterId, "silo-a"));
        var b = await SiloAsync("silo-b", ClusterTestOptions.Fast(_clusterId, "silo-b"));
        for (var i = 0; i < 5; i++)
        {
            await a.Leases.TryAcquireAsync($"warm-up/{i}"); // moves the counter on
        }
        var leaseA = (await GrainOwnership.ClaimAsync(a.Leases, a.Store, "counter", "k", default))!;
        var eTag = await a.Store.WriteAsync("counter", "k", Value(1), null, leaseA.FencingToken, default);

        redis.Kill(); // the counter and every lease are gone
        await redis.StartAsync();
        var leaseB = await ClaimWhenFreeAsync(b);

        Assert.True(leaseB.FencingToken > leaseA.FencingToken, $"new token {leaseB.FencingToken} after {leaseA.FencingToken}");
        await Assert.ThrowsAsync<StaleFencingTokenException>(() => a.Store.WriteAsync("counter", "k", Value(2), eTag, leaseA.FencingToken, default));
        await b.Store.WriteAsync("counter", "k", Value(2), eTag, leaseB.FencingToken, default);
    }

    [Fact]
    public async Task CLU3_two_silos_taking_a_grain_from_each_other_lose_no_acknowledged_increment_and_apply_none_twice()
    {
        // Leases of 200 ms; each silo alternates between renewing and a pause in which it keeps writing without
        // renewing, as a silo stalled by a GC pause would when it wakes up: only the fence stops those writes.
        var options = new ClusterOptions
        {
            ClusterId = _clusterId,
            LivenessRefresh = TimeSpan.FromMilliseconds(20),
            LivenessExpiry = TimeSpan.FromMilliseconds(60),
            LeaseRenew = TimeSpan.FromMilliseconds(40),
            SelfFence = TimeSpan.FromMilliseconds(120),
            LeaseExpiry = TimeSpan.FromMilliseconds(200),
        };
        var silos = new[] { await SiloAsync("silo-a", options), await SiloAsync("silo-b", options) };
        await silos[0].Store.WriteAsync("counter", "k", Value(0), null, default);

        var results = await Task.WhenAll(silos.Select((silo, i) => Task.Run(() => IncrementingOwner.RunAsync(silo, TimeSpan.FromMilliseconds(450 * i), TimeSpan.FromSeconds(3.5)))));

        var stored = BitConverter.ToInt32((await silos[0].Store.ReadAsync("counter", "k", default))!.Data);
        output.WriteLine($"stored {stored}; {string.Join("; ", results)}");
        Assert.Equal(results.Sum(r => r.Acknowledged), stored);
        Assert.True(results.Sum(r => r.Claims) >= 4, $"ownership changed hands ({string.Join(", ", results)})");
        Assert.True(results.Sum(r => r.Fenced) >= 1, $"a deposed owner tried to write and was fenced ({string.Join(", ", results)})");
        Assert.Equal(0, results.Sum(r => r.Conflicts));
    }

    private async Task<ContendingSilo> SiloAsync(string name, ClusterOptions options)
    {
        options.MemberName = name;
        var connection = _owned.Add(await StackExchangeRedisConnection.ConnectAsync(redis.Configuration));
        var store = _owned.Add(new PostgreSqlGrainStateStore(new PostgreSqlStorageOptions { ConnectionString = _database }));
        return new ContendingSilo(name, new RedisGrainLeases(connection, options), store);
    }

    private static async Task<GrainLease> ClaimWhenFreeAsync(ContendingSilo silo)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            try
            {
                if (await GrainOwnership.ClaimAsync(silo.Leases, silo.Store, "counter", "k", default) is { } lease)
                {
                    return lease;
                }
            }
            catch (RedisUnavailableException)
            {
                // Redis is still coming back; try again.
            }
            await Task.Delay(10);
        }
        throw new InvalidOperationException($"{silo.Name} never got the lease");
    }

    private static ReadOnlyMemory<byte> Value(int value) => BitConverter.GetBytes(value);
}
