using Microsoft.Extensions.DependencyInjection;
using Topiary.Runtime.Hosting;
using Topiary.Runtime.Reminders;
using Topiary.Runtime.Storage;
using Topiary.Runtime.Storage.PostgreSql;
using Topiary.Tests.Engines;
using Topiary.Tests.Grains.Runtime.TestGrains;

namespace Topiary.Tests.Grains.Runtime.Hosting;

/// <summary>The runtime with its PostgreSQL providers registered as a cluster host would, against a real server.</summary>
[Collection(EngineServers.Name)]
[Trait("Category", TestCategories.Cluster)]
public sealed class PostgreSqlGrainStorageTests(PostgresServer postgres)
{
    [Fact]
    public async Task CLU20_state_written_by_a_grain_survives_a_runtime_restart_on_the_same_database()
    {
        var database = postgres.CreateSchema();
        await using (var first = await TestSilo.StartAsync(services: s => s.AddPostgreSqlGrainStorage(database)))
        {
            Assert.IsType<PostgreSqlGrainStateStore>(first.Services.GetRequiredService<IGrainStateStore>());
            Assert.Same(first.Services.GetRequiredService<IGrainStateStore>(), first.Services.GetRequiredService<IFencedGrainStateStore>());
            Assert.IsType<PostgreSqlReminderTable>(first.Services.GetRequiredService<IReminderTable>());
            await first.Factory.GetGrain<ICounterGrain>("durable").Add(41);
        }

        await using var second = await TestSilo.StartAsync(services: s => s.AddPostgreSqlGrainStorage(database));
        Assert.Equal(42, await second.Factory.GetGrain<ICounterGrain>("durable").Add(1));
    }

    [Fact]
    public void A_missing_connection_string_or_a_negative_retry_budget_is_refused_at_registration()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddPostgreSqlGrainStorage(""));
        var error = Assert.Throws<InvalidOperationException>(() =>
            services.AddPostgreSqlGrainStorage("Host=db", o => o.RetryBudget = TimeSpan.FromSeconds(-1)));
        Assert.Contains("RetryBudget must not be negative", error.Message, StringComparison.Ordinal);
    }
}
