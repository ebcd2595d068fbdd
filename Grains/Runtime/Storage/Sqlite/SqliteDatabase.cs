using System.Globalization;
using System.Reflection;
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
    private readonly Lock _initGate = new();
    private Task? _initialisation;

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
    }

    /// <summary>The schema version this build creates.</summary>
    public static int LatestVersion => Scripts.Value[^1].Version;

    private static Lazy<(int Version, string Sql)[]> Scripts { get; } = new(LoadScripts);

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        await EnsureInitialisedAsync().WaitAsync(ct);
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

    private Task EnsureInitialisedAsync()
    {
        lock (_initGate)
        {
            // A failed initialisation is retried by the next caller instead of being cached forever.
            if (_initialisation is null || _initialisation.IsFaulted || _initialisation.IsCanceled)
            {
                _initialisation = InitialiseAsync();
            }
            return _initialisation;
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
            throw new InvalidOperationException(
                $"The database schema version is {current}, newer than this build supports ({LatestVersion}); run a newer Topiary.");
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

    private static (int Version, string Sql)[] LoadScripts()
    {
        var assembly = typeof(SqliteDatabase).Assembly;
        var scripts = new List<(int, string)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }
            var file = name[ResourcePrefix.Length..];
            var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            scripts.Add((version, ReadResource(assembly, name)));
        }
        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return scripts.Count > 0 ? [.. scripts] : throw new InvalidOperationException("No embedded SQLite schema scripts were found.");
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
