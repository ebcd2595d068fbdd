using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Topiary.Gateway.Hubs;
using Topiary.Gateway.Security;
using Topiary.Gateway.Sessions;
using Topiary.Gateway.Topics;
using Topiary.Runtime.Hosting;
using Topiary.Serialization;
using Topiary.Topics;

namespace Topiary.Gateway.Hosting;

/// <summary>Registers a standalone gateway: the grain runtime on SQLite in-process, and the gateway services.</summary>
public static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddTopiaryStandalone(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>()
            .Bind(configuration.GetSection(GatewayOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();

        // Read from configuration, not IOptions: these shape the host before the options are validated at start.
        var settings = configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        var storage = settings.Storage;
        var dataDirectory = Path.GetFullPath(storage.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        services.AddGrainRuntime(runtime =>
        {
            runtime.GrainAssemblies.Add(typeof(TopicGrain).Assembly);
            runtime.SerializerResolvers.Add(GrainsJsonContext.Default);
        });
        services.AddSqliteGrainStorage(Path.Combine(dataDirectory, "topiary.db"));

        services.AddSingleton<GatewayReadiness>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SecuritySnapshotHolder>();
        services.AddSingleton<GatewayAuthorizer>();
        services.AddSingleton<AuthenticationRateLimiter>();
        services.AddSingleton<HandshakeAuthenticator>();
        services.AddSingleton<SessionReevaluator>();
        services.AddSingleton<SecurityFollower>();
        services.AddSingleton<SecurityOperations>();
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<SelectionIndex>();
        services.AddSingleton<TopicReplica>();
        services.AddSingleton<TopicOperations>();
        services.AddSingleton<SessionLifecycle>();
        services.AddSingleton<RequestDispatcher>();
        services.AddSingleton<SessionConnection>();
        services.AddSingleton<NativeEndpointMiddleware>();
        if (settings.Gateway.TakeOverNativeConnections)
        {
            services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
                listen.ApplicationServices.GetRequiredService<NativeEndpointMiddleware>().InvokeAsync(connection, next))));
        }
        services.AddTopiaryHub();
        services.AddHostedService<GatewayStartup>();
        services.AddHostedService<OutboundTrimming>();
        return services;
    }
}
