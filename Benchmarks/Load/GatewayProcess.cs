using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Topiary.Client;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// The real standalone gateway in a process of its own (<c>dotnet Topiary.Gateway.dll</c>), so
/// its CPU time can be read apart from the load tool's. State goes to a temporary directory that
/// is deleted afterwards.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _dataDirectory;

    private GatewayProcess(Process process, string dataDirectory, Uri url, string adminPassword)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        Url = url;
        AdminPassword = adminPassword;
    }

    /// <summary>For example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; }

    public int ProcessId => _process.Id;

    /// <summary>The <c>admin</c> password the gateway is started with.</summary>
    public string AdminPassword { get; }

    /// <summary>
    /// Starts the gateway built at <paramref name="assembly"/>, with its state in a new directory
    /// under <paramref name="dataParent"/>, and waits until it reports ready.
    /// </summary>
    public static async Task<GatewayProcess> StartAsync(string assembly, string dataParent)
    {
        if (!File.Exists(assembly))
        {
            throw new UsageException($"no gateway at '{assembly}'; build it (dotnet build Gateway -c Release) or pass --gateway PATH/Topiary.Gateway.dll");
        }
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var dataDirectory = Path.Combine(dataParent, "topiary-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        // Its own directory as working directory, so appsettings.json applies as in production.
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(assembly)) };
        var adminPassword = "load-" + Guid.NewGuid().ToString("N");
        foreach (var argument in new[]
        {
            Path.GetFullPath(assembly), "--urls", url.ToString().TrimEnd('/'),
            $"--Topiary:Storage:DataDirectory={dataDirectory}",
            $"--Topiary:Security:AdminPassword={adminPassword}",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the gateway");
        var gateway = new GatewayProcess(process, dataDirectory, url, adminPassword);
        try
        {
            await gateway.WaitUntilReadyAsync();
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
        return gateway;
    }

    /// <summary>The gateway built beside this program, in the same configuration.</summary>
    public static string DefaultAssembly()
    {
        // The gateway is a project reference, so building this project builds it in the same configuration.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Grains.sln")))
        {
            directory = directory.Parent;
        }
        if (directory is null)
        {
            throw new UsageException("cannot find the repository (Grains.sln) above this program; pass --gateway PATH/Topiary.Gateway.dll");
        }
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return Path.Combine(directory.FullName, "Gateway", "bin", configuration, "net10.0", "Topiary.Gateway.dll");
    }

    /// <summary>Opens an SDK session as <c>admin</c>, which may add and set topics.</summary>
    public Task<ITopiarySession> OpenAdminSessionAsync() => TopiarySession.OpenAsync(new TopiarySessionOptions
    {
        Url = Url,
        Principal = "admin",
        Password = AdminPassword,
    });

    /// <summary>CPU time the gateway has used so far (all threads, user + system).</summary>
    public TimeSpan Cpu() => ProcStat.ProcessCpu(_process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited with code {_process.ExitCode} while starting");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer while starting.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the gateway was not ready within {StartTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
    }

    // Racy in principle (another process could take the port before the gateway binds it), harmless in practice.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
