namespace Topiary.Tests.Engines;

/// <summary>
/// The test collection of every engine-backed test: one <see cref="RedisServer"/> and one
/// <see cref="PostgresServer"/> for the whole run, shared by its classes, which run one after another
/// (some restart an engine, which must not surprise a neighbour).
/// </summary>
[CollectionDefinition(Name)]
public sealed class EngineServers : ICollectionFixture<RedisServer>, ICollectionFixture<PostgresServer>
{
    public const string Name = "Engines";
}
