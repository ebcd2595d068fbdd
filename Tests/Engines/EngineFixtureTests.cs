namespace Topiary.Tests.Engines;

/// <summary>The engine fixtures themselves: real servers on loopback, isolated schemas.</summary>
[Collection(EngineServers.Name)]
[Trait("Category", TestCategories.Cluster)]
public sealed class EngineFixtureTests(PostgresServer postgres)
{
    [Fact]
    public async Task PostgreSQL_answers_on_its_port_and_each_schema_starts_empty()
    {
        var first = postgres.CreateSchema();
        await PostgresServer.ScalarAsync(first, "CREATE TABLE marker (id int);");
        var second = postgres.CreateSchema();

        var version = (string?)await PostgresServer.ScalarAsync(postgres.ConnectionString, "SHOW server_version;");
        var tables = await PostgresServer.ScalarAsync(second, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema();");

        Assert.StartsWith("1", version, StringComparison.Ordinal);
        Assert.Equal(0L, tables);
    }
}
