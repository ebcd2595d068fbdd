using Topiary.Runtime.Reminders;
using Topiary.Runtime.Storage.PostgreSql;
using Topiary.Tests.Engines;

namespace Topiary.Tests.Grains.Runtime.Reminders;

/// <summary>The reminder table conformance suite against a real PostgreSQL, one fresh schema per table.</summary>
[Collection(EngineServers.Name)]
[Trait("Category", TestCategories.Cluster)]
public sealed class PostgreSqlReminderTableTests(PostgresServer postgres) : ReminderTableConformanceTests, IAsyncDisposable
{
    private readonly Disposables _owned = new();

    public ValueTask DisposeAsync() => _owned.DisposeAsync();

    protected override IReminderTable CreateTable() =>
        _owned.Add(new PostgreSqlReminderTable(new PostgreSqlStorageOptions { ConnectionString = postgres.CreateSchema() }));
}
