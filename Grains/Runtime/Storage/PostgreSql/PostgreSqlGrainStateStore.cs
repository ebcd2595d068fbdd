using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace Topiary.Runtime.Storage.PostgreSql;

/// <summary>
/// <see cref="IFencedGrainStateStore"/> on PostgreSQL (schema in <c>PostgreSql/*.sql</c>, applied at first use).
/// Each operation is one statement, so it is atomic; the ETag and fence checks are part of it, so concurrent
/// writers are decided by the row locks of <c>grain_state</c> and <c>grain_fence</c>. Transient failures are
/// retried within <see cref="PostgreSqlStorageOptions.RetryBudget"/>: every write generates its ETag once, so a
/// repeated write whose first attempt committed (reply lost) recognises its own ETag and succeeds exactly once.
/// </summary>
public sealed class PostgreSqlGrainStateStore : IFencedGrainStateStore, IAsyncDisposable
{
    // Raises the fence to @token unless it is already higher; yields a row only when the token passed.
    private const string FenceCte =
        "WITH fence AS (INSERT INTO grain_fence AS f (grain_type, grain_key, token) VALUES (@type, @key, @token) " +
        "ON CONFLICT (grain_type, grain_key) DO UPDATE SET token = excluded.token WHERE f.token <= excluded.token RETURNING 1) ";

    private const string FenceGuard = " AND EXISTS (SELECT 1 FROM fence)";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Uses the database of <paramref name="options"/>; nothing is opened until the first operation.</summary>
    public PostgreSqlGrainStateStore(PostgreSqlStorageOptions options) => _database = new PostgreSqlDatabase(options);

    /// <inheritdoc />
    public Task<GrainStateRecord?> ReadAsync(string grainType, string key, CancellationToken ct) =>
        _database.RunAsync("a state read", isWrite: false, async (connection, _, token) =>
        {
            await using var command = Command(connection, "SELECT data, etag FROM grain_state WHERE grain_type = @type AND grain_key = @key;", grainType, key);
            await using var reader = await command.ExecuteReaderAsync(token);
            return await reader.ReadAsync(token) ? new GrainStateRecord(reader.GetFieldValue<byte[]>(0), reader.GetString(1)) : null;
        }, ct);

    /// <inheritdoc />
    public Task<string> WriteAsync(string grainType, string key, ReadOnlyMemory<byte> data, string? expectedETag, CancellationToken ct) =>
        WriteCoreAsync(grainType, key, data, expectedETag, null, ct);

    /// <inheritdoc />
    public Task<string> WriteAsync(string grainType, string key, ReadOnlyMemory<byte> data, string? expectedETag, long fencingToken, CancellationToken ct) =>
        WriteCoreAsync(grainType, key, data, expectedETag, fencingToken, ct);

    /// <inheritdoc />
    public Task ClearAsync(string grainType, string key, string? expectedETag, CancellationToken ct) =>
        ClearCoreAsync(grainType, key, expectedETag, null, ct);

    /// <inheritdoc />
    public Task ClearAsync(string grainType, string key, string? expectedETag, long fencingToken, CancellationToken ct) =>
        ClearCoreAsync(grainType, key, expectedETag, fencingToken, ct);

    /// <inheritdoc />
    public Task<long> AdvanceFenceAsync(string grainType, string key, long fencingToken, CancellationToken ct) =>
        _database.RunAsync("a fence update", isWrite: true, async (connection, _, token) =>
        {
            await using var command = Command(connection,
                "INSERT INTO grain_fence AS f (grain_type, grain_key, token) VALUES (@type, @key, @token) " +
                "ON CONFLICT (grain_type, grain_key) DO UPDATE SET token = GREATEST(f.token, excluded.token) RETURNING token;",
                grainType, key, fencingToken);
            return (long)(await command.ExecuteScalarAsync(token))!;
        }, ct);

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListKeysAsync(string grainType, [EnumeratorCancellation] CancellationToken ct)
    {
        // Read whole before yielding, so a retry never repeats keys already handed out.
        var keys = await _database.RunAsync("a key listing", isWrite: false, async (connection, _, token) =>
        {
            await using var command = Command(connection, "SELECT grain_key FROM grain_state WHERE grain_type = @type;", grainType, string.Empty);
            await using var reader = await command.ExecuteReaderAsync(token);
            var list = new List<string>();
            while (await reader.ReadAsync(token))
            {
                list.Add(reader.GetString(0));
            }
            return list;
        }, ct);
        foreach (var key in keys)
        {
            yield return key;
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private Task<string> WriteCoreAsync(string grainType, string key, ReadOnlyMemory<byte> data, string? expectedETag, long? fencingToken, CancellationToken ct)
    {
        var eTag = ETags.New();
        var (prefix, guard) = fencingToken is null ? (string.Empty, string.Empty) : (FenceCte, FenceGuard);
        var sql = expectedETag is null
            ? prefix + "INSERT INTO grain_state (grain_type, grain_key, data, etag, fencing_token) " +
              $"SELECT @type, @key, @data, @etag, @token WHERE TRUE{guard} ON CONFLICT DO NOTHING;"
            : prefix + "UPDATE grain_state SET data = @data, etag = @etag, fencing_token = @token " +
              $"WHERE grain_type = @type AND grain_key = @key AND etag = @expected{guard};";
        return _database.RunAsync("a state write", isWrite: true, async (connection, attempt, token) =>
        {
            await using var command = Command(connection, sql, grainType, key, fencingToken);
            command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>("data", NpgsqlDbType.Bytea) { TypedValue = data });
            command.Parameters.Add(new NpgsqlParameter<string>("etag", eTag));
            command.Parameters.Add(new NpgsqlParameter("expected", NpgsqlDbType.Text) { Value = (object?)expectedETag ?? DBNull.Value });
            if (await command.ExecuteNonQueryAsync(token) == 1)
            {
                return eTag;
            }
            var actual = await ReadETagCheckingFenceAsync(connection, grainType, key, fencingToken, token);
            // An earlier attempt committed and only its reply was lost: our ETag is the stored one.
            return attempt > 1 && actual == eTag ? eTag : throw new InconsistentStateException(grainType, key, expectedETag, actual);
        }, ct);
    }

    private Task<bool> ClearCoreAsync(string grainType, string key, string? expectedETag, long? fencingToken, CancellationToken ct) =>
        _database.RunAsync("a state clear", isWrite: true, async (connection, attempt, token) =>
        {
            if (expectedETag is not null)
            {
                var (prefix, guard) = fencingToken is null ? (string.Empty, string.Empty) : (FenceCte, FenceGuard);
                await using var command = Command(connection,
                    prefix + $"DELETE FROM grain_state WHERE grain_type = @type AND grain_key = @key AND etag = @expected{guard};",
                    grainType, key, fencingToken);
                command.Parameters.Add(new NpgsqlParameter<string>("expected", expectedETag));
                if (await command.ExecuteNonQueryAsync(token) == 1)
                {
                    return true;
                }
            }
            var actual = await ReadETagCheckingFenceAsync(connection, grainType, key, fencingToken, token);
            // "Must not exist" holds, or an earlier attempt deleted the record and only its reply was lost.
            return actual is null && (expectedETag is null || attempt > 1)
                ? true
                : throw new InconsistentStateException(grainType, key, expectedETag, actual);
        }, ct);

    private static async Task<string?> ReadETagCheckingFenceAsync(NpgsqlConnection connection, string grainType, string key, long? fencingToken, CancellationToken ct)
    {
        await using var command = Command(connection,
            "SELECT (SELECT etag FROM grain_state WHERE grain_type = @type AND grain_key = @key), " +
            "(SELECT token FROM grain_fence WHERE grain_type = @type AND grain_key = @key);", grainType, key);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var fence = reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1);
        if (fencingToken is { } held && fence is { } stored && stored > held)
        {
            throw new StaleFencingTokenException(grainType, key, held, stored);
        }
        return reader.IsDBNull(0) ? null : reader.GetString(0);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string grainType, string key, long? fencingToken = null)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("type", grainType));
        command.Parameters.Add(new NpgsqlParameter<string>("key", key));
        command.Parameters.Add(new NpgsqlParameter("token", NpgsqlDbType.Bigint) { Value = (object?)fencingToken ?? DBNull.Value });
        return command;
    }
}
