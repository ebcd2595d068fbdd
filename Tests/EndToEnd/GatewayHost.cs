using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Topiary.Gateway.Hosting;

namespace Topiary.Tests.EndToEnd;

/// <summary>
/// A real standalone gateway (Kestrel on 127.0.0.1, an ephemeral port, SQLite in a temporary
/// directory) for black-box tests. Restart it on the same data directory to test durability.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    /// <summary>The <c>admin</c> password every test gateway is configured with.</summary>
    public const string AdminPassword = "test-admin-password";

    private readonly WebApplication _app;
    private readonly bool _ownsDirectory;

    private GatewayHost(WebApplication app, string dataDirectory, bool ownsDirectory, Uri url)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        Url = url;
    }

    /// <summary>The gateway's base URL, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; }

    /// <summary>Where this gateway keeps its state.</summary>
    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a gateway; without <paramref name="dataDirectory"/> a fresh temporary one is used and deleted on dispose.
    /// With <paramref name="logs"/>, every log record of every level goes to it too.
    /// </summary>
    public static async Task<GatewayHost> StartAsync(string? dataDirectory = null, IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var ownsDirectory = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "topiary-test-" + Guid.NewGuid().ToString("N"));
        var app = TopiaryGateway.Build([], builder =>
        {
            var configuration = new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Topiary:Storage:DataDirectory"] = dataDirectory,
                ["Topiary:Security:AdminPassword"] = AdminPassword,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                configuration[key] = value;
            }
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            }
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            if (ownsDirectory && Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(app, dataDirectory, ownsDirectory, new Uri(address));
    }

    /// <summary>Stops this gateway and starts a new one on the same data directory.</summary>
    public async Task<GatewayHost> RestartAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        var restarted = await StartAsync(DataDirectory);
        return new GatewayHost(restarted._app, DataDirectory, _ownsDirectory, restarted.Url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDirectory && Directory.Exists(DataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
