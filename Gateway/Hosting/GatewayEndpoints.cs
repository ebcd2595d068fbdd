using Topiary.Gateway.Hubs;
using Topiary.Gateway.Sessions;

namespace Topiary.Gateway.Hosting;

/// <summary>The gateway's HTTP surface: the native protocol, the SignalR compatibility hub and the health probes.</summary>
public static class GatewayEndpoints
{
    public static WebApplication MapTopiary(this WebApplication app)
    {
        app.Map("/topiary", (HttpContext context, SessionConnection connection) => connection.RunAsync(context));
        app.MapTopiaryHub();
        app.MapGet("/health/live", () => Results.Text("live"));
        app.MapGet("/health/ready", (GatewayReadiness readiness) =>
            readiness.IsReady ? Results.Text("ready") : Results.Text("starting", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
