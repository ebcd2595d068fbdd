using System.Globalization;
using Npgsql;

namespace Topiary.Tests.Engines;

/// <summary>
/// A private PostgreSQL cluster (initdb into a temp directory) on a free loopback port, started once per
/// test collection (<see cref="EngineServers"/>). As root it runs as the <c>postgres</c> system user,
/// because PostgreSQL refuses to run as root. Tests isolate themselves with a fresh schema each
/// (<see cref="CreateSchema"/>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string SystemUser = "postgres";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "topiary-pg-" + Guid.NewGuid().ToString("N"));
    private readonly string _binaries = FindBinaries();
    private int _schemas;

    /// <summary>The loopback port the server listens on (kept across restarts).</summary>
    public int Port { get; } = EngineProcess.FreePort();

    /// <summary>The connection string of the default schema (<c>public</c>).</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "topiary", Database = "postgres", Timeout = 5,
    }.ToString();

    private string DataDirectory => Path.Combine(_directory, "data");

    private string LogPath => Path.Combine(_directory, "postgres.log");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        if (EngineProcess.IsRoot)
        {
            await EngineProcess.RunAsync("chown", [SystemUser, _directory]);
        }
        await EngineProcess.RunAsync(Path.Combine(_binaries, "initdb"),
            ["-D", DataDirectory, "-A", "trust", "-U", "topiary", "-E", "UTF8", "--no-sync"], SystemUser);
        await StartAsync();
    }

    /// <summary>Starts the server and waits until it accepts connections; fails with its log otherwise.</summary>
    public async Task StartAsync()
    {
        try
        {
            await PgCtlAsync("start", "-w", "-t", "30", "-l", LogPath,
                "-o", string.Create(CultureInfo.InvariantCulture, $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=200"));
        }
        catch (InvalidOperationException error)
        {
            throw new InvalidOperationException($"PostgreSQL did not start on port {Port}: {error.Message}\nLog:\n{EngineProcess.LogTail(LogPath)}", error);
        }
    }

    /// <summary>Stops the server, ending every session (<c>-m fast</c>: committed data is kept).</summary>
    public Task StopAsync() => PgCtlAsync("stop", "-m", "fast", "-w");

    /// <summary>A connection string whose <c>search_path</c> is a new, empty schema: a fresh database for one test.</summary>
    public string CreateSchema()
    {
        var schema = "t" + Interlocked.Increment(ref _schemas).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        using (var connection = new NpgsqlConnection(Unpooled(ConnectionString)))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ToString();
    }

    /// <summary>Runs one SQL statement on <paramref name="connectionString"/> and returns the first value.</summary>
    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await PgCtlAsync("stop", "-m", "immediate", "-w");
        }
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    // The fixture's own connections are not pooled: a pooled one would be dead after a restart.
    private static string Unpooled(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString();

    private Task<string> PgCtlAsync(params string[] arguments) =>
        EngineProcess.RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", DataDirectory, .. arguments], SystemUser);

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var versions = Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "bin", "initdb"))).ToList()
            : [];
        return versions.Count > 0
            ? Path.Combine(versions.OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Last(), "bin")
            : throw new InvalidOperationException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); the Cluster tests need it " +
                "(apt-get install postgresql, as .ci/test.sh does).");
    }
}
