using Microsoft.Extensions.Options;
using Topiary.Gateway.Security;
using Topiary.Gateway.Sessions;
using Topiary.Gateway.Topics;
using Topiary.Runtime;
using Topiary.Security;
using Topiary.Topics;

namespace Topiary.Gateway.Hosting;

/// <summary>
/// Start-up of a standalone gateway, before it accepts connections: a cold start of the
/// topic tree (non-persistent topics do not survive a restart, TOP-22), the security stores'
/// first-start defaults (SEC-70) and their local copy, and the catalog replica. Registered after the grain runtime, so it runs once
/// the silo is started, and before the server listens.
/// </summary>
internal sealed partial class GatewayStartup(
    IGrainFactory grains,
    TopicReplica replica,
    GatewayReadiness readiness,
    SessionRegistry sessions,
    SecurityFollower follower,
    IHostApplicationLifetime lifetime,
    IOptions<GatewayOptions> options,
    ILogger<GatewayStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // First thing on shutdown, before the server stops: tell every client why it is closed.
        lifetime.ApplicationStopping.Register(CloseSessions);
        await grains.GetGrain<ITopicCatalogGrain>(TopicCatalogGrain.Key).ColdStartAsync();
        var security = options.Value.Security;
        var generated = await grains.GetGrain<ISystemAuthenticationGrain>(SystemAuthenticationGrain.Key)
            .EnsureDefaultsAsync(new AuthenticationDefaults(security.AdminPassword, security.ControlPassword, security.AllowAnonymous));
        if (generated is not null)
        {
            // Shown once, at the first start; only its hash is stored (SEC-70).
            LogGeneratedPassword(logger, generated);
        }
        await grains.GetGrain<ISecurityStoreGrain>(SecurityStoreGrain.Key).EnsureDefaultsAsync();
        await follower.InitializeAsync();
        await replica.InitializeAsync();
        readiness.MarkReady();
        LogStarted(logger, options.Value.Gateway.Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void CloseSessions()
    {
        foreach (var session in sessions.All)
        {
            session.Close("SERVER_SHUTDOWN", "the gateway is shutting down; reconnect to another gateway or later");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated password for principal 'admin': {Password} — it is shown only this once; set Topiary:Security:AdminPassword to choose one")]
    private static partial void LogGeneratedPassword(ILogger logger, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Topiary gateway {Name} is ready")]
    private static partial void LogStarted(ILogger logger, string name);
}
