using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Topiary.Gateway.Hosting;

namespace Topiary.Gateway.Hubs;

/// <summary>Registers and maps the SignalR compatibility endpoint.</summary>
public static class HubEndpointExtensions
{
    /// <summary>The endpoint's path; <c>/topiary</c> itself is the native protocol.</summary>
    public const string Path = "/topiary/hub";

    /// <summary>SignalR with the JSON hub protocol; its message size limit is the gateway's (Topiary:Limits:MaxMessageBytes).</summary>
    public static IServiceCollection AddTopiaryHub(this IServiceCollection services)
    {
        // Detailed errors show SignalR's own refusals (wrong argument count, unparsable arguments)
        // to the caller instead of a bare "error on the server". The hub's methods throw nothing
        // else but HubException (the envelope), so no internal detail can leak this way.
        services.AddSignalR(hub => hub.EnableDetailedErrors = true);
        services.AddSingleton<HubConnections>();
        services.AddOptions<HubOptions>()
            .Configure<IOptions<GatewayOptions>>((hub, gateway) => hub.MaximumReceiveMessageSize = gateway.Value.Limits.MaxMessageBytes);
        return services;
    }

    public static WebApplication MapTopiaryHub(this WebApplication app)
    {
        app.MapHub<TopiaryHub>(Path);
        return app;
    }
}
