using Topiary.Errors;
using Topiary.Runtime.Storage;
using Topiary.Runtime.Storage.PostgreSql;
using Topiary.Tests.Engines;

namespace Topiary.Tests.Grains.Runtime.Storage;

/// <summary>PostgreSQL restarted or down under the store (CLU-33, CLU-20), with a real server and real restarts.</summary>
[Collection(EngineServers.Name)]
[Trait("Category", TestCategories.Cluster)]
public sealed class PostgreSqlRestartTests(PostgresServer postgres)
{
    [Fact]
    public async Task CLU33_a_restart_in_the_middle_of_a_sequence_of_writes_loses_nothing_acknowledged()
    {
        await using var store = Store(postgres.CreateSchema(), TimeSpan.FromSeconds(20));
        var eTag = await store.WriteAsync("t", "seq", Bytes(0), null, default);
        var acknowledged = 0;
        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= 200; i++)
            {
                eTag = await store.WriteAsync("t", "seq", Bytes(i), eTag, default);
                await store.WriteAsync("t", $"item-{i}", Bytes(i), null, default);
                acknowledged = i;
            }
        });
        await WaitUntilAsync(() => Volatile.Read(ref acknowledged) >= 20);

        await postgres.StopAsync();
        var duringOutage = Volatile.Read(ref acknowledged);
        await Task.Delay(300);
        await postgres.StartAsync();
        await writer;

        Assert.True(duringOutage < 200, "the restart happened while writes were still going on");
        Assert.Equal(200, Value((await store.ReadAsync("t", "seq", default))!.Data));
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync("t", default))
        {
            keys.Add(key);
        }
        Assert.Equal(201, keys.Count);
    }

    [Fact]
    public async Task CLU33_when_the_database_stays_down_past_the_budget_reads_and_writes_fail_retryable_and_recover_after()
    {
        await using var store = Store(postgres.CreateSchema(), TimeSpan.FromMilliseconds(600));
        var eTag = await store.WriteAsync("t", "k", Bytes(1), null, default);
        await postgres.StopAsync();
        try
        {
            var write = await Assert.ThrowsAsync<TopiaryTransientException>(() => store.WriteAsync("t", "k", Bytes(2), eTag, default));
            var read = await Assert.ThrowsAsync<TopiaryTransientException>(() => store.ReadAsync("t", "k", default));

            Assert.Equal((ErrorCode.Retryable, "NOT_COMMITTED"), (write.Code, (string?)write.Error.Details!["reason"]));
            Assert.Equal((ErrorCode.ClusterUnavailable, "STORAGE"), (read.Code, (string?)read.Error.Details!["reason"]));
        }
        finally
        {
            await postgres.StartAsync();
        }

        var record = await store.ReadAsync("t", "k", default);
        Assert.Equal((1, eTag), (Value(record!.Data), record.ETag));
        await store.WriteAsync("t", "k", Bytes(2), eTag, default);
    }

    private static PostgreSqlGrainStateStore Store(string connectionString, TimeSpan budget) =>
        new(new PostgreSqlStorageOptions { ConnectionString = connectionString, RetryBudget = budget });

    private static ReadOnlyMemory<byte> Bytes(int value) => BitConverter.GetBytes(value);

    private static int Value(byte[] data) => BitConverter.ToInt32(data);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 30_000, "the writer made no progress");
            await Task.Delay(10);
        }
    }
}
