using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Topiary.Runtime.Storage.PostgreSql;

/// <summary>
/// One PostgreSQL database: a pooled Npgsql data source, the schema applied before the first operation, and the
/// retry loop every operation runs in. The schema scripts (<c>PostgreSql/NNN_name.sql</c>) newer than the version in
/// <c>topiary_schema_version</c> are applied in one transaction under an advisory lock, so processes starting
/// together apply each script once; a database from a newer build is refused.
/// </summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable
{
    private const string ResourcePrefix = "Topiary.Runtime.Storage.PostgreSql.";
    private const long MigrationLockKey = 0x546F7069617279; // "Topiary"
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _retryBudget;
    private readonly RetriedInitialisation _initialisation;

    public PostgreSqlDatabase(PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        _retryBudget = options.RetryBudget;
        _initialisation = new RetriedInitialisation(MigrateAsync);
    }

    /// <summary>The schema version this build creates.</summary>
    public static int LatestVersion => Scripts.Value[^1].Version;

    private static Lazy<(int Version, string Sql)[]> Scripts { get; } = new(() => SchemaScripts.Load(ResourcePrefix));

    /// <summary>
    /// Runs <paramref name="operation"/> (given an open connection and the attempt number, from 1) and retries it
    /// after transient failures with doubling, jittered delays until the retry budget is spent. The operation
    /// must be safe to repeat: the stores make conditional writes recognise their own earlier commit.
    /// </summary>
    public async Task<T> RunAsync<T>(string what, bool isWrite, Func<NpgsqlConnection, int, CancellationToken, Task<T>> operation, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            var sent = false;
            try
            {
                await _initialisation.EnsureAsync().WaitAsync(ct);
                await using var connection = await _dataSource.OpenConnectionAsync(ct);
                sent = true;
                return await operation(connection, attempt, ct);
            }
            catch (Exception exception) when (PostgreSqlErrors.IsTransient(exception) && !ct.IsCancellationRequested)
            {
                if (stopwatch.Elapsed + delay > _retryBudget)
                {
                    throw PostgreSqlErrors.Unavailable(what, isWrite, sent, _retryBudget, exception);
                }
                // Pooled connections opened before a server restart are all dead; do not try them one by one.
                _dataSource.Clear();
                await Task.Delay(delay * (0.8 + (0.4 * Random.Shared.NextDouble())), ct);
                delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
            }
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    // Not tied to one caller's token: other callers may be waiting for the same initialisation.
    private async Task MigrateAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({MigrationLockKey});"));
        await ExecuteAsync(connection,
            "CREATE TABLE IF NOT EXISTS topiary_schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());");
        await using var query = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM topiary_schema_version;", connection);
        var current = Convert.ToInt32(await query.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        if (current > LatestVersion)
        {
            throw SchemaScripts.NewerThanBuild(current, LatestVersion);
        }
        foreach (var (version, sql) in Scripts.Value)
        {
            if (version > current)
            {
                await ExecuteAsync(connection, sql);
                await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
                    $"INSERT INTO topiary_schema_version (version) VALUES ({version});"));
            }
        }
        await transaction.CommitAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
