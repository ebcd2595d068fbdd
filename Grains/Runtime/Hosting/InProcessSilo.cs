using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Topiary.Runtime.Reminders;
using Topiary.Runtime.Storage;
using Topiary.Runtime.Transport;

namespace Topiary.Runtime.Hosting;

/// <summary>
/// Runs grain activations in this process. Registered as an <see cref="IHostedService"/> by
/// <see cref="GrainRuntimeServiceCollectionExtensions.AddGrainRuntime"/>; tests may also build one from a
/// service provider and start and stop it directly.
/// </summary>
/// <remarks>
/// Start: grain discovery already happened (construction fails on invalid grains), then the transport
/// starts, calls are accepted, and durable reminders are loaded (overdue ones fire at once). Calls
/// before start fail with SERVER_INITIALISING. Stop: reminders stop, every activation is deactivated after
/// the messages already queued (its <see cref="Grain.OnDeactivateAsync"/> runs), new calls fail with
/// CLUSTER_UNAVAILABLE, and calls still waiting for a response fail likewise. A silo starts once.
/// </remarks>
public sealed class InProcessSilo : IHostedService, IDisposable
{
    private readonly GrainRuntime _runtime;

    /// <summary>Builds the silo from registered services: options, <see cref="TimeProvider"/>, transport, state store and reminder table.</summary>
    public InProcessSilo(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _runtime = new GrainRuntime(
            services,
            services.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value,
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetService<IGrainTransport>() ?? new InProcessGrainTransport(),
            services.GetService<IGrainStateStore>() ?? new MemoryGrainStateStore(),
            services.GetService<IReminderTable>() ?? new MemoryReminderTable(),
            services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
    }

    /// <summary>Creates grain and observer references served by this silo.</summary>
    public IGrainFactory GrainFactory => _runtime.Factory;

    /// <summary>The number of grain activations in memory (for tests and metrics).</summary>
    public int ActivationCount => _runtime.Catalog.Count;

    internal GrainRuntime Runtime => _runtime;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => _runtime.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => _runtime.StopAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _runtime.Dispose();
}
