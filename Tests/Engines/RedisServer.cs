using System.Diagnostics;
using System.Globalization;

namespace Topiary.Tests.Engines;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port with a private directory, started once per test
/// collection (<see cref="EngineServers"/>). No persistence: a restart loses every key, like a Redis
/// that failed over to an empty replica. Tests isolate themselves with key prefixes.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "topiary-redis-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    /// <summary>The loopback port the server listens on (kept across restarts).</summary>
    public int Port { get; } = EngineProcess.FreePort();

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=2000");

    private string LogPath => Path.Combine(_directory, "redis.log");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await StartAsync();
    }

    /// <summary>Starts the server (again) on <see cref="Port"/>; fails with its log if it does not come up.</summary>
    public async Task StartAsync()
    {
        // Not redirected: everything goes to --logfile, and an unread pipe could fill up and stall the server.
        var start = new ProcessStartInfo(FindExecutable()) { UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", _directory, "--logfile", LogPath,
        })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        if (!await EngineProcess.WaitForPortAsync(Port, TimeSpan.FromSeconds(15)))
        {
            Kill();
            throw new InvalidOperationException($"redis-server did not accept connections on port {Port} within 15 s. Log:\n{EngineProcess.LogTail(LogPath)}");
        }
    }

    /// <summary>Kills the server (as a crash would); every key is lost.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    public Task DisposeAsync()
    {
        Kill();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
        return Task.CompletedTask;
    }

    private static string FindExecutable()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/bin").Append("/usr/sbin"))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            "redis-server is not installed; the Cluster tests need it (apt-get install redis-server, as .ci/test.sh does).");
    }
}
