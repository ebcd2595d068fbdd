using Microsoft.Data.Sqlite;
using Topiary.Runtime.Reminders;

namespace Topiary.Runtime.Storage.Sqlite;

/// <summary>
/// <see cref="IReminderTable"/> on a SQLite file (same database and schema as
/// <see cref="SqliteGrainStateStore"/>). Each operation is one statement, so it is atomic.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable
{
    private const string Columns = ReminderRows.Columns;

    private readonly SqliteDatabase _database;

    /// <summary>Opens (creating if needed) the database at <paramref name="databasePath"/>.</summary>
    public SqliteReminderTable(string databasePath) => _database = new SqliteDatabase(databasePath);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadAsync(string grainType, string grainKey, string reminderName, CancellationToken ct)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE grain_type = $type AND grain_key = $key AND reminder_name = $name;",
            command => AddId(command, grainType, grainKey, reminderName), ct);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string grainKey, CancellationToken ct) =>
        QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE grain_type = $type AND grain_key = $key ORDER BY reminder_name;",
            command => AddId(command, grainType, grainKey, null), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken ct) =>
        QueryAsync($"SELECT {Columns} FROM reminders;", _ => { }, ct);

    /// <inheritdoc />
    public async Task<string> UpsertAsync(ReminderEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var eTag = ETags.New();
        await ExecuteAsync(
            $"INSERT INTO reminders ({Columns}) VALUES ($type, $key, $name, $first, $period, $last, $etag) " +
            "ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE SET first_tick_ms = excluded.first_tick_ms, " +
            "period_ms = excluded.period_ms, last_tick_ms = excluded.last_tick_ms, etag = excluded.etag;",
            command => AddEntry(command, entry, eTag), ct);
        return eTag;
    }

    /// <inheritdoc />
    public async Task<string?> TryUpdateAsync(ReminderEntry entry, string expectedETag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var eTag = ETags.New();
        var rows = await ExecuteAsync(
            "UPDATE reminders SET first_tick_ms = $first, period_ms = $period, last_tick_ms = $last, etag = $etag " +
            "WHERE grain_type = $type AND grain_key = $key AND reminder_name = $name AND etag = $expected;",
            command =>
            {
                AddEntry(command, entry, eTag);
                command.Parameters.AddWithValue("$expected", expectedETag);
            }, ct);
        return rows == 1 ? eTag : null;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string grainType, string grainKey, string reminderName, string? expectedETag, CancellationToken ct)
    {
        var rows = await ExecuteAsync(
            "DELETE FROM reminders WHERE grain_type = $type AND grain_key = $key AND reminder_name = $name " +
            "AND ($expected IS NULL OR etag = $expected);",
            command =>
            {
                AddId(command, grainType, grainKey, reminderName);
                command.Parameters.AddWithValue("$expected", (object?)expectedETag ?? DBNull.Value);
            }, ct);
        return rows == 1;
    }

    private async Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReminderRows.ReadAllAsync(reader, ct);
    }

    private static void AddId(SqliteCommand command, string grainType, string grainKey, string? reminderName)
    {
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", grainKey);
        if (reminderName is not null)
        {
            command.Parameters.AddWithValue("$name", reminderName);
        }
    }

    private static void AddEntry(SqliteCommand command, ReminderEntry entry, string eTag)
    {
        AddId(command, entry.GrainType, entry.GrainKey, entry.ReminderName);
        command.Parameters.AddWithValue("$first", entry.FirstTickTime.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$period", (long)entry.Period.TotalMilliseconds);
        command.Parameters.AddWithValue("$last", entry.LastTickTime is { } last ? last.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Parameters.AddWithValue("$etag", eTag);
    }
}
