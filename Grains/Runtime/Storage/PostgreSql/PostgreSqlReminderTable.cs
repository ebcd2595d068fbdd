using Npgsql;
using NpgsqlTypes;
using Topiary.Runtime.Reminders;

namespace Topiary.Runtime.Storage.PostgreSql;

/// <summary>
/// <see cref="IReminderTable"/> on PostgreSQL (same schema as <see cref="PostgreSqlGrainStateStore"/>). Each operation
/// is one statement, so it is atomic, and is retried after transient failures like the state store's: a
/// conditional update recognises its own ETag, and a removal finding the row gone on a retry reports success.
/// </summary>
public sealed class PostgreSqlReminderTable : IReminderTable, IAsyncDisposable
{
    private const string Columns = ReminderRows.Columns;
    private const string IdFilter = "grain_type = @type AND grain_key = @key AND reminder_name = @name";

    private readonly PostgreSqlDatabase _database;

    /// <summary>Uses the database of <paramref name="options"/>; nothing is opened until the first operation.</summary>
    public PostgreSqlReminderTable(PostgreSqlStorageOptions options) => _database = new PostgreSqlDatabase(options);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadAsync(string grainType, string grainKey, string reminderName, CancellationToken ct)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM reminders WHERE {IdFilter};", grainType, grainKey, reminderName, ct);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string grainKey, CancellationToken ct) =>
        QueryAsync($"SELECT {Columns} FROM reminders WHERE grain_type = @type AND grain_key = @key ORDER BY reminder_name COLLATE \"C\";",
            grainType, grainKey, string.Empty, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken ct) =>
        QueryAsync($"SELECT {Columns} FROM reminders;", string.Empty, string.Empty, string.Empty, ct);

    /// <inheritdoc />
    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var eTag = ETags.New();
        return _database.RunAsync("a reminder write", isWrite: true, async (connection, _, token) =>
        {
            await using var command = EntryCommand(connection,
                $"INSERT INTO reminders ({Columns}) VALUES (@type, @key, @name, @first, @period, @last, @etag) " +
                "ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE SET first_tick_ms = excluded.first_tick_ms, " +
                "period_ms = excluded.period_ms, last_tick_ms = excluded.last_tick_ms, etag = excluded.etag;", entry, eTag);
            await command.ExecuteNonQueryAsync(token);
            return eTag;
        }, ct);
    }

    /// <inheritdoc />
    public Task<string?> TryUpdateAsync(ReminderEntry entry, string expectedETag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var eTag = ETags.New();
        return _database.RunAsync("a reminder update", isWrite: true, async (connection, attempt, token) =>
        {
            await using var command = EntryCommand(connection,
                "UPDATE reminders SET first_tick_ms = @first, period_ms = @period, last_tick_ms = @last, etag = @etag " +
                $"WHERE {IdFilter} AND etag = @expected;", entry, eTag);
            command.Parameters.Add(new NpgsqlParameter<string>("expected", expectedETag));
            if (await command.ExecuteNonQueryAsync(token) == 1)
            {
                return eTag;
            }
            // An earlier attempt committed and only its reply was lost: our ETag is the stored one.
            return attempt > 1 && (await ReadAsync(entry.GrainType, entry.GrainKey, entry.ReminderName, token))?.ETag == eTag ? eTag : null;
        }, ct);
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string grainType, string grainKey, string reminderName, string? expectedETag, CancellationToken ct) =>
        _database.RunAsync("a reminder removal", isWrite: true, async (connection, attempt, token) =>
        {
            await using var command = IdCommand(connection,
                $"DELETE FROM reminders WHERE {IdFilter} AND (@expected::text IS NULL OR etag = @expected);", grainType, grainKey, reminderName);
            command.Parameters.Add(new NpgsqlParameter("expected", NpgsqlDbType.Text) { Value = (object?)expectedETag ?? DBNull.Value });
            if (await command.ExecuteNonQueryAsync(token) == 1)
            {
                return true;
            }
            // On a retry, a row that is gone was deleted by the earlier attempt whose reply was lost.
            return attempt > 1 && await ReadAsync(grainType, grainKey, reminderName, token) is null;
        }, ct);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, string grainType, string grainKey, string reminderName, CancellationToken ct) =>
        _database.RunAsync<IReadOnlyList<ReminderEntry>>("a reminder read", isWrite: false, async (connection, _, token) =>
        {
            await using var command = IdCommand(connection, sql, grainType, grainKey, reminderName);
            await using var reader = await command.ExecuteReaderAsync(token);
            return await ReminderRows.ReadAllAsync(reader, token);
        }, ct);

    private static NpgsqlCommand IdCommand(NpgsqlConnection connection, string sql, string grainType, string grainKey, string reminderName)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("type", grainType));
        command.Parameters.Add(new NpgsqlParameter<string>("key", grainKey));
        command.Parameters.Add(new NpgsqlParameter<string>("name", reminderName));
        return command;
    }

    private static NpgsqlCommand EntryCommand(NpgsqlConnection connection, string sql, ReminderEntry entry, string eTag)
    {
        var command = IdCommand(connection, sql, entry.GrainType, entry.GrainKey, entry.ReminderName);
        command.Parameters.Add(new NpgsqlParameter<long>("first", entry.FirstTickTime.ToUnixTimeMilliseconds()));
        command.Parameters.Add(new NpgsqlParameter<long>("period", (long)entry.Period.TotalMilliseconds));
        command.Parameters.Add(new NpgsqlParameter("last", NpgsqlDbType.Bigint)
        {
            Value = entry.LastTickTime is { } last ? last.ToUnixTimeMilliseconds() : DBNull.Value,
        });
        command.Parameters.Add(new NpgsqlParameter<string>("etag", eTag));
        return command;
    }
}
