using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Topiary.Runtime.Messaging;
using Topiary.Runtime.Reminders;
using Topiary.Runtime.Storage;
using Topiary.Runtime.Storage.Sqlite;
using Topiary.Runtime.Transport;

namespace Topiary.Runtime.Hosting;

/// <summary>Registers the grain runtime and its standalone providers.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runtime: <see cref="InProcessSilo"/> (also as <see cref="IHostedService"/>),
    /// <see cref="IGrainFactory"/>, the in-process <see cref="IMessageBus"/> and <see cref="IGrainTransport"/>,
    /// <see cref="TimeProvider.System"/> if no clock is registered, and in-memory storage unless
    /// <see cref="AddSqliteGrainStorage"/> (or another provider) registers durable storage.
    /// Providers registered before or after this call take precedence.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMessageBus, InProcessMessageBus>();
        services.TryAddSingleton<IGrainTransport, InProcessGrainTransport>();
        services.TryAddSingleton<IGrainStateStore, MemoryGrainStateStore>();
        services.TryAddSingleton<IReminderTable, MemoryReminderTable>();
        services.TryAddSingleton<InProcessSilo>();
        services.AddHostedService(sp => sp.GetRequiredService<InProcessSilo>());
        services.TryAddSingleton(sp => sp.GetRequiredService<InProcessSilo>().GrainFactory);
        return services;
    }

    /// <summary>Stores grain state and reminders in the SQLite file at <paramref name="databasePath"/> (created if missing).</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        services.RemoveAll<IGrainStateStore>();
        services.RemoveAll<IReminderTable>();
        services.AddSingleton<IGrainStateStore>(_ => new SqliteGrainStateStore(databasePath));
        services.AddSingleton<IReminderTable>(_ => new SqliteReminderTable(databasePath));
        return services;
    }

    /// <summary>Keeps grain state and reminders in memory (tests, throwaway runs): nothing survives the process.</summary>
    public static IServiceCollection AddMemoryGrainStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IGrainStateStore>();
        services.RemoveAll<IReminderTable>();
        services.AddSingleton<IGrainStateStore, MemoryGrainStateStore>();
        services.AddSingleton<IReminderTable, MemoryReminderTable>();
        return services;
    }
}
