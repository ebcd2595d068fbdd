using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Topiary.Runtime.Reminders;
using Topiary.Runtime.Storage;
using Topiary.Runtime.Storage.PostgreSql;

namespace Topiary.Runtime.Hosting;

/// <summary>Registers the PostgreSQL providers of cluster mode.</summary>
public static class PostgreSqlStorageServiceCollectionExtensions
{
    /// <summary>
    /// Stores grain state (also as <see cref="IFencedGrainStateStore"/>) and reminders in the PostgreSQL database of
    /// <paramref name="connectionString"/>, replacing any storage registered before. The schema is applied at the
    /// first operation; a database from a newer build fails that operation with a clear message.
    /// </summary>
    public static IServiceCollection AddPostgreSqlGrainStorage(
        this IServiceCollection services, string connectionString, Action<PostgreSqlStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var options = new PostgreSqlStorageOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        options.Validate();
        services.RemoveAll<IGrainStateStore>();
        services.RemoveAll<IFencedGrainStateStore>();
        services.RemoveAll<IReminderTable>();
        services.AddSingleton(_ => new PostgreSqlGrainStateStore(options));
        services.AddSingleton<IGrainStateStore>(sp => sp.GetRequiredService<PostgreSqlGrainStateStore>());
        services.AddSingleton<IFencedGrainStateStore>(sp => sp.GetRequiredService<PostgreSqlGrainStateStore>());
        services.AddSingleton<IReminderTable>(_ => new PostgreSqlReminderTable(options));
        return services;
    }
}
