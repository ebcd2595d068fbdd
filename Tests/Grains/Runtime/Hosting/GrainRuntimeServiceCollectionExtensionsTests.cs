using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Topiary.Runtime;
using Topiary.Runtime.Hosting;
using Topiary.Runtime.Messaging;
using Topiary.Runtime.Reminders;
using Topiary.Runtime.Storage;
using Topiary.Runtime.Storage.Sqlite;
using Topiary.Tests.Grains.Runtime.TestGrains;

namespace Topiary.Tests.Grains.Runtime.Hosting;

[Trait("Category", TestCategories.Unit)]
public sealed class GrainRuntimeServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_generic_host_starts_and_stops_the_silo_and_serves_grains_from_SQLite()
    {
        var path = _directory.File(Path.Combine("data", "topiary.db"));
        for (var run = 1; run <= 2; run++)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddSingleton(new TestProbe());
            builder.Services.AddGrainRuntime(o =>
            {
                o.GrainClasses.AddRange(TestGrainClasses.All);
                o.SerializerResolvers.Add(TestGrainsJsonContext.Default);
            });
            builder.Services.AddSqliteGrainStorage(path);
            using var host = builder.Build();

            await host.StartAsync();
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            Assert.Equal(run, await factory.GetGrain<ICounterGrain>("hosted").Add(1));
            await host.StopAsync();
        }
        Assert.True(File.Exists(path)); // the data directory was created
    }

    [Fact]
    public void AddGrainRuntime_registers_the_standalone_providers_and_storage_registrations_replace_each_other()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSqliteGrainStorage(_directory.File("a.db")); // before or after AddGrainRuntime: both work
        services.AddGrainRuntime(_ => { });
        using (var provider = services.BuildServiceProvider())
        {
            Assert.IsType<SqliteGrainStateStore>(provider.GetRequiredService<IGrainStateStore>());
            Assert.IsType<SqliteReminderTable>(provider.GetRequiredService<IReminderTable>());
            Assert.IsType<InProcessMessageBus>(provider.GetRequiredService<IMessageBus>());
            Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
            Assert.Same(provider.GetRequiredService<InProcessSilo>(), Assert.Single(provider.GetServices<IHostedService>()));
            Assert.Same(provider.GetRequiredService<InProcessSilo>().GrainFactory, provider.GetRequiredService<IGrainFactory>());
        }

        services.AddMemoryGrainStorage();
        using var memory = services.BuildServiceProvider();
        Assert.IsType<MemoryGrainStateStore>(memory.GetRequiredService<IGrainStateStore>());
        Assert.IsType<MemoryReminderTable>(memory.GetRequiredService<IReminderTable>());
        SqliteConnection.ClearAllPools();
    }
}
