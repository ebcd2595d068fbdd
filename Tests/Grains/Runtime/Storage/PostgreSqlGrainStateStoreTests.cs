using Topiary.Runtime.Storage;
using Topiary.Runtime.Storage.PostgreSql;
using Topiary.Tests.Engines;

namespace Topiary.Tests.Grains.Runtime.Storage;

/// <summary>The store conformance suite, schema versioning and fencing (CLU-3) against a real PostgreSQL.</summary>
[Collection(EngineServers.Name)]
[Trait("Category", TestCategories.Cluster)]
public sealed class PostgreSqlGrainStateStoreTests(PostgresServer postgres) : GrainStateStoreConformanceTests, IAsyncDisposable
{
    private readonly Disposables _owned = new();

    public ValueTask DisposeAsync() => _owned.DisposeAsync();

    protected override IGrainStateStore CreateStore() => Store(postgres.CreateSchema());

    [Fact]
    public async Task CLU73_the_schema_is_applied_once_and_a_second_start_applies_nothing()
    {
        var connectionString = postgres.CreateSchema();
        await Store(connectionString).ReadAsync("t", "k", default);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Store(connectionString).ReadAsync("t", "k", default)));

        Assert.Equal(1L, await PostgresServer.ScalarAsync(connectionString, "SELECT COUNT(*) FROM topiary_schema_version;"));
        Assert.Equal(1, await PostgresServer.ScalarAsync(connectionString, "SELECT MAX(version) FROM topiary_schema_version;"));
    }

    [Fact]
    public async Task CLU73_a_database_from_a_newer_build_is_refused_with_a_clear_error()
    {
        var connectionString = postgres.CreateSchema();
        await Store(connectionString).ReadAsync("t", "k", default);
        await PostgresServer.ScalarAsync(connectionString, "INSERT INTO topiary_schema_version (version) VALUES (99);");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store(connectionString).ReadAsync("t", "k", default));

        Assert.Contains("schema version is 99, newer than this build supports (1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CLU3_a_write_with_a_token_below_the_fence_changes_nothing()
    {
        var store = Store(postgres.CreateSchema());
        var eTag = await store.WriteAsync("t", "k", Bytes("owner 5"), null, 5, default);
        var newer = await store.WriteAsync("t", "k", Bytes("owner 7"), eTag, 7, default);

        var stale = await Assert.ThrowsAsync<StaleFencingTokenException>(() => store.WriteAsync("t", "k", Bytes("owner 5 again"), newer, 5, default));

        Assert.Equal((5L, 7L), (stale.FencingToken, stale.Fence));
        Assert.Equal(("owner 7", newer), (Text((await store.ReadAsync("t", "k", default))!.Data), (await store.ReadAsync("t", "k", default))!.ETag));
        await Assert.ThrowsAsync<StaleFencingTokenException>(() => store.ClearAsync("t", "k", newer, 6, default));
        await store.WriteAsync("t", "k", Bytes("owner 7 still"), newer, 7, default);
    }

    [Fact]
    public async Task CLU3_a_new_owner_raising_the_fence_before_reading_shuts_out_the_old_owner_even_with_the_current_ETag()
    {
        var store = Store(postgres.CreateSchema());
        var eTag = await store.WriteAsync("t", "k", Bytes("owner 1"), null, 1, default);

        Assert.Equal(2L, await store.AdvanceFenceAsync("t", "k", 2, default));

        await Assert.ThrowsAsync<StaleFencingTokenException>(() => store.WriteAsync("t", "k", Bytes("late"), eTag, 1, default));
        Assert.Equal("owner 1", Text((await store.ReadAsync("t", "k", default))!.Data));
    }

    [Fact]
    public async Task CLU3_the_fence_survives_a_clear_and_never_goes_backwards()
    {
        var store = Store(postgres.CreateSchema());
        var eTag = await store.WriteAsync("t", "k", Bytes("x"), null, 9, default);
        await store.ClearAsync("t", "k", eTag, 9, default);

        await Assert.ThrowsAsync<StaleFencingTokenException>(() => store.WriteAsync("t", "k", Bytes("recreated by 3"), null, 3, default));
        Assert.Equal(9L, await store.AdvanceFenceAsync("t", "k", 4, default));
        Assert.Null(await store.ReadAsync("t", "k", default));
    }

    [Fact]
    public async Task CLU3_of_two_owners_racing_with_the_same_ETag_only_the_newer_can_win()
    {
        var store = Store(postgres.CreateSchema());
        var eTag = await store.WriteAsync("t", "k", Bytes("start"), null, 1, default);
        await store.AdvanceFenceAsync("t", "k", 2, default);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.WriteAsync("t", "k", Bytes($"writer {i}"), eTag, 1 + (i % 2), default);
                return i;
            }
            catch (Exception error) when (error is StaleFencingTokenException or InconsistentStateException)
            {
                return -1;
            }
        })));

        var winner = Assert.Single(results, r => r >= 0);
        Assert.Equal(1, winner % 2);
    }

    [Fact]
    public async Task Unfenced_writes_ignore_the_fence_for_standalone_use()
    {
        var store = Store(postgres.CreateSchema());
        await store.AdvanceFenceAsync("t", "k", 50, default);

        var eTag = await store.WriteAsync("t", "k", Bytes("plain"), null, default);

        Assert.Equal(eTag, (await store.ReadAsync("t", "k", default))!.ETag);
    }

    private PostgreSqlGrainStateStore Store(string connectionString) =>
        _owned.Add(new PostgreSqlGrainStateStore(new PostgreSqlStorageOptions { ConnectionString = connectionString }));
}
