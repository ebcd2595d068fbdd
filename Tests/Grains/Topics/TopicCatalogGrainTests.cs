using Topiary.Tests.Grains.Runtime;
using Topiary.Topics;
using static Topiary.Tests.Grains.Topics.TopicSilo;

namespace Topiary.Tests.Grains.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class TopicCatalogGrainTests
{
    [Fact]
    public async Task TOP_80_select_pages_in_path_order_with_after_and_limit()
    {
        await using var silo = await StartAsync();
        foreach (var path in new[] { "b/a/x", "a/d", "a", "a/c/x", "b", "a/b", "a/c" })
        {
            await silo.Factory.GetGrain<ITopicGrain>(path).AddAsync(Spec(TopicType.String), null);
        }
        var catalog = silo.Factory.GetGrain<ITopicCatalogGrain>(TopicCatalogGrain.Key);

        var all = await catalog.SelectAsync("*.*", null, 100);
        Assert.Equal(["a", "a/b", "a/c", "a/c/x", "a/d", "b", "b/a/x"], all.Entries.Select(e => e.Path));
        var first = await catalog.SelectAsync("?a//", null, 2);
        Assert.Equal(["a", "a/b"], first.Entries.Select(e => e.Path));
        Assert.True(first.HasMore);
        var next = await catalog.SelectAsync("?a//", "a/b", 10);
        Assert.Equal(["a/c", "a/c/x", "a/d"], next.Entries.Select(e => e.Path));
        Assert.False(next.HasMore);
    }

    [Fact]
    public async Task Catalog_is_rebuilt_from_topic_records_and_a_cold_start_drops_non_persistent_topics()
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "topiary.db");
        await using (var silo = await StartAsync(database))
        {
            await silo.Factory.GetGrain<ITopicGrain>("keep").AddAsync(Spec(TopicType.String), null);
            await silo.Factory.GetGrain<ITopicGrain>("drop").AddAsync(Spec(TopicType.String, ("PERSISTENT", "false")), null);
        }

        await using var restarted = await StartAsync(database);
        var catalog = restarted.Factory.GetGrain<ITopicCatalogGrain>(TopicCatalogGrain.Key);
        Assert.Equal(["drop", "keep"], (await catalog.GetSnapshotAsync()).Entries.Select(e => e.Path));

        Assert.Equal(1, await catalog.ColdStartAsync());
        Assert.Equal(["keep"], (await catalog.GetSnapshotAsync()).Entries.Select(e => e.Path));
        Assert.Null(await restarted.Factory.GetGrain<ITopicGrain>("drop").GetSnapshotAsync());
    }
}
