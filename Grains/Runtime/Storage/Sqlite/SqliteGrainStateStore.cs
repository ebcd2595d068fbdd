using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Topiary.Runtime.Storage.Sqlite;

/// <summary>
/// <see cref="IGrainStateStore"/> on a SQLite file (WAL mode; schema in <c>Sqlite/*.sql</c>, applied on
/// first use). Each operation is one statement, so it is atomic; the ETag check is part of the
/// <c>WHERE</c> clause. Writes are group-committed (<see cref="SqliteGroupCommit"/>): they never
/// compete for the write lock, concurrent ones share a transaction, and each is acknowledged only
/// once durable. A write whose caller cancels while it waits may still be applied.
/// </summary>
public sealed class SqliteGrainStateStore : IGrainStateStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteGroupCommit _writes;

    /// <summary>Opens (creating if needed) the database at <paramref name="databasePath"/>.</summary>
    public SqliteGrainStateStore(string databasePath)
    {
        _database = new SqliteDatabase(databasePath);
        _writes = new SqliteGroupCommit(_database);
    }

    /// <inheritdoc />
    public async Task<GrainStateRecord?> ReadAsync(string grainType, string key, CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = Command(connection,
            "SELECT data, etag FROM grain_state WHERE grain_type = $type AND grain_key = $key;", grainType, key);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        return new GrainStateRecord(reader.GetFieldValue<byte[]>(0), reader.GetString(1));
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(string grainType, string key, ReadOnlyMemory<byte> data, string? expectedETag, CancellationToken ct) =>
        // Copied: the caller may reuse its buffer once it stops waiting, and the write may still be pending then.
        _writes.WriteAsync(grainType, key, data.ToArray(), expectedETag).WaitAsync(ct);

    /// <inheritdoc />
    public async Task ClearAsync(string grainType, string key, string? expectedETag, CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        if (expectedETag is null)
        {
            // "Must not exist": nothing to delete; a record that exists is a conflict.
            var actual = await ReadETagAsync(connection, grainType, key, ct);
            if (actual is not null)
            {
                throw new InconsistentStateException(grainType, key, null, actual);
            }
            return;
        }
        await using var command = Command(connection,
            "DELETE FROM grain_state WHERE grain_type = $type AND grain_key = $key AND etag = $expected;", grainType, key);
        command.Parameters.AddWithValue("$expected", expectedETag);
        if (await command.ExecuteNonQueryAsync(ct) == 0)
        {
            throw new InconsistentStateException(grainType, key, expectedETag, await ReadETagAsync(connection, grainType, key, ct));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListKeysAsync(string grainType, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_key FROM grain_state WHERE grain_type = $type;";
        command.Parameters.AddWithValue("$type", grainType);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return reader.GetString(0);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string grainType, string key)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", key);
        return command;
    }

    private static async Task<string?> ReadETagAsync(SqliteConnection connection, string grainType, string key, CancellationToken ct)
    {
        // Only for the exception message: not atomic with the failed statement, and need not be.
        await using var command = Command(connection,
            "SELECT etag FROM grain_state WHERE grain_type = $type AND grain_key = $key;", grainType, key);
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
