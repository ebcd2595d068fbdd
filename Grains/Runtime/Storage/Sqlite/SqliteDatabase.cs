using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Topiary.Runtime.Storage.Sqlite;

/// <summary>
/// One SQLite database file: opens pooled connections and, before the first one is handed out, switches
/// the file to WAL mode and applies the embedded schema scripts (<c>NNN_name.sql</c>) newer than the
/// version recorded in <c>topiary_schema_version</c>, each in its own immediate transaction.
/// </summary>
internal sealed class SqliteDatabase
{
    private const string ResourcePrefix = "Topiary.Runtime.Storage.Sqlite.";

    private readonly string _connectionString;
    private readonly RetriedInitialisation _initialisation;

    public SqliteDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        var fullPath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        _initialisation = new RetriedInitialisation(InitialiseAsync);
    }

    /// <summary>The schema version this build creates.</summary>
    public static int LatestVersion => Scripts.Value[^1].Version;

    private static Lazy<(int Version, string Sql)[]> Scripts { get; } = new(() => SchemaScripts.Load(ResourcePrefix));

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        await _initialisation.EnsureAsync().WaitAsync(ct);
        return await OpenRawAsync(ct);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Not tied to one caller's token: other callers may be waiting for the same initialisation.
    private async Task InitialiseAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        // WAL is a property of the file; it must be set outside a transaction.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", CancellationToken.None);
        await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS topiary_schema_version (version INTEGER NOT NULL);", CancellationToken.None);
        await MigrateAsync(connection, CancellationToken.None);
    }

    private static async Task MigrateAsync(SqliteConnection connection, CancellationToken ct)
    {
        // Immediate transaction: two processes starting on one file apply each script once.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT COALESCE(MAX(version), 0) FROM topiary_schema_version;";
        var current = Convert.ToInt32(await query.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        if (current > LatestVersion)
        {
            throw SchemaScripts.NewerThanBuild(current, LatestVersion);
        }
        foreach (var (version, sql) in Scripts.Value)
        {
            if (version <= current)
            {
                continue;
            }
            await ExecuteAsync(connection, transaction, sql, ct);
            await ExecuteAsync(connection, transaction,
                $"INSERT INTO topiary_schema_version (version) VALUES ({version.ToString(CultureInfo.InvariantCulture)});", ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
