namespace Topiary.Gateway.Hosting;

/// <summary>Builds the gateway application; <c>Program</c> and the end-to-end tests both start it through here.</summary>
public static class TopiaryGateway
{
    /// <summary>Creates a standalone gateway; <paramref name="configure"/> may add settings (tests use port 0 and a temporary data directory).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddTopiaryStandalone(builder.Configuration);
        var app = builder.Build();
        app.MapTopiary();
        return app;
    }
}
