using Microsoft.Data.Sqlite;
using Topiary.Runtime.Storage;
using Topiary.Runtime.Storage.Sqlite;

namespace Topiary.Tests.Grains.Runtime.Storage;

[Trait("Category", TestCategories.Unit)]
public sealed class SqliteGrainStateStoreTests : GrainStateStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private int _databases;

    public void Dispose() => _directory.Dispose();

    protected override IGrainStateStore CreateStore() => new SqliteGrainStateStore(_directory.File($"state-{++_databases}.db"));

    [Fact]
    public async Task Records_persist_across_reopening_the_file()
    {
        var path = _directory.File("reopen.db");
        var eTag = await new SqliteGrainStateStore(path).WriteAsync("t", "k", Bytes("kept"), null, default);
        SqliteConnection.ClearAllPools();

        var reopened = new SqliteGrainStateStore(path);

        var record = await reopened.ReadAsync("t", "k", default);
        Assert.Equal(("kept", eTag), (Text(record!.Data), record.ETag));
        await reopened.WriteAsync("t", "k", Bytes("updated"), eTag, default);
    }

    [Fact]
    public async Task Concurrent_writes_are_group_committed_each_with_its_own_ETag_check_and_outcome()
    {
        var path = _directory.File("batch.db");
        var store = new SqliteGrainStateStore(path);
        var existing = await store.WriteAsync("t", "taken", Bytes("first"), null, default);

        var writes = Enumerable.Range(0, 300).Select(i => store.WriteAsync("t", $"k{i}", Bytes($"v{i}"), null, default)).ToList();
        var conflicting = store.WriteAsync("t", "taken", Bytes("stale"), "not-the-etag", default);
        var duplicate = store.WriteAsync("t", "taken", Bytes("again"), null, default);

        var eTags = await Task.WhenAll(writes);
        await Assert.ThrowsAsync<InconsistentStateException>(() => conflicting);
        await Assert.ThrowsAsync<InconsistentStateException>(() => duplicate);
        Assert.Equal(300, eTags.Distinct().Count());
        SqliteConnection.ClearAllPools();
        var reopened = new SqliteGrainStateStore(path);
        for (var i = 0; i < 300; i++)
        {
            var record = await reopened.ReadAsync("t", $"k{i}", default);
            Assert.Equal(($"v{i}", eTags[i]), (Text(record!.Data), record.ETag));
        }
        var kept = await reopened.ReadAsync("t", "taken", default);
        Assert.Equal(("first", existing), (Text(kept!.Data), kept.ETag));
    }

    [Fact]
    public async Task The_file_is_in_WAL_mode_with_the_schema_version_recorded_once()
    {
        var path = _directory.File("schema.db");
        await new SqliteGrainStateStore(path).ReadAsync("t", "k", default);
        await new SqliteGrainStateStore(path).ReadAsync("t", "k", default); // a second start applies nothing

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        Assert.Equal("wal", await Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(1L, await Scalar(connection, "SELECT COUNT(*) FROM topiary_schema_version;"));
        Assert.Equal(1L, await Scalar(connection, "SELECT MAX(version) FROM topiary_schema_version;"));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_with_a_clear_error()
    {
        var path = _directory.File("newer.db");
        await new SqliteGrainStateStore(path).ReadAsync("t", "k", default);
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await Scalar(connection, "INSERT INTO topiary_schema_version (version) VALUES (99);");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteGrainStateStore(path).ReadAsync("t", "k", default));

        Assert.Contains("newer than this build supports", error.Message, StringComparison.Ordinal);
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
