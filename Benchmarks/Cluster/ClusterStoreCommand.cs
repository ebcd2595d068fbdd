using Topiary.Runtime.Cluster;
using Topiary.Runtime.Cluster.Leases;
using Topiary.Runtime.Cluster.Redis;
using Topiary.Runtime.Storage;
using Topiary.Runtime.Storage.PostgreSql;
using Topiary.Runtime.Storage.Sqlite;

namespace Topiary.Benchmarks.Cluster;

/// <summary>
/// <c>cluster-store</c>: sequential latency of the cluster providers against running servers — grain state writes
/// (ETag-conditional, 256 bytes) and reads in PostgreSQL next to the SQLite store of standalone mode, fenced writes,
/// and grain lease acquisition, renewal and release in Redis. One operation at a time: this is the latency a grain
/// turn waits for, not the servers' throughput.
/// </summary>
internal static class ClusterStoreCommand
{
    public const string Verb = "cluster-store";

    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        var postgres = options.GetOptionalString("postgres") ?? throw new UsageException("--postgres <Npgsql connection string> is required");
        var redis = options.GetOptionalString("redis") ?? throw new UsageException("--redis <host:port> is required");
        var count = options.GetInt32("count", 2_000, 10, 1_000_000);
        options.ThrowIfUnused("--postgres --redis --count");
        var warmup = Math.Max(10, count / 10);
        var directory = Directory.CreateTempSubdirectory("topiary-bench-");
        try
        {
            Console.WriteLine(LatencySample.Header);
            await using var pg = new PostgreSqlGrainStateStore(new PostgreSqlStorageOptions { ConnectionString = postgres });
            foreach (var (name, store) in new (string, IGrainStateStore)[] { ("PostgreSQL", pg), ("SQLite", new SqliteGrainStateStore(Path.Combine(directory.FullName, "bench.db"))) })
            {
                await MeasureStoreAsync(name, store, warmup, count);
            }
            var fencedETag = await pg.WriteAsync("bench-fenced", "k", new byte[256], null, 1, default);
            Console.WriteLine(await LatencySample.MeasureAsync("PostgreSQL fenced write", warmup, count,
                async _ => fencedETag = await pg.WriteAsync("bench-fenced", "k", new byte[256], fencedETag, 1, default)));
            await MeasureLeasesAsync(redis, warmup, count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
        return 0;
    }

    private static async Task MeasureStoreAsync(string name, IGrainStateStore store, int warmup, int count)
    {
        var type = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var data = new byte[256];
        var eTag = await store.WriteAsync(type, "k", data, null, default);
        Console.WriteLine(await LatencySample.MeasureAsync($"{name} write (update)", warmup, count,
            async _ => eTag = await store.WriteAsync(type, "k", data, eTag, default)));
        Console.WriteLine(await LatencySample.MeasureAsync($"{name} read", warmup, count,
            async _ => await store.ReadAsync(type, "k", default)));
    }

    private static async Task MeasureLeasesAsync(string configuration, int warmup, int count)
    {
        await using var connection = await StackExchangeRedisConnection.ConnectAsync(configuration);
        var leases = new RedisGrainLeases(connection, new ClusterOptions { ClusterId = "bench-" + Guid.NewGuid().ToString("N")[..8], MemberName = "bench" });
        var held = new List<GrainLease>(warmup + count);
        Console.WriteLine(await LatencySample.MeasureAsync("Redis lease acquire (SET NX PX+INCR)", warmup, count,
            async i => held.Add((await leases.TryAcquireAsync($"grain/{i}"))!)));
        Console.WriteLine(await LatencySample.MeasureAsync("Redis lease renew", 0, count, i => leases.RenewAsync(held[i])));
        Console.WriteLine(await LatencySample.MeasureAsync("Redis lease release", 0, count, i => leases.ReleaseAsync(held[i])));
        Console.WriteLine(await LatencySample.MeasureAsync("Redis PING", warmup, count, _ => connection.PingAsync()));
    }
}
