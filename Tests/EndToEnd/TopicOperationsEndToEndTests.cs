using Topiary.Client.Topics;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Tests.EndToEnd;

[Trait("Category", TestCategories.EndToEnd)]
public sealed class TopicOperationsEndToEndTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task TOP_31_add_is_idempotent_for_an_equivalent_specification_and_conflicts_otherwise()
    {
        await using var session = await Sessions.AdminAsync(_gateway);
        Assert.True(await session.Topics.AddAsync("a/b", TopicType.Json));
        Assert.False(await session.Topics.AddAsync("a/b", TopicSpecification.Create(TopicType.Json,
            new Dictionary<string, string> { ["persistent"] = "TRUE" })));

        var conflict = await Assert.ThrowsAsync<TopiaryStateException>(() => session.Topics.AddAsync("a/b", TopicType.String));
        Assert.Equal(ErrorCode.Conflict, conflict.Code);
        Assert.Equal("EXISTS_MISMATCH", (string?)conflict.Error.Details!["reason"]);
        Assert.Equal("JSON", (string?)conflict.Error.Details!["existing"]!["type"]);
    }

    [Fact]
    public async Task TOP_40_remove_by_selector_returns_how_many_and_respects_qualifiers()
    {
        await using var session = await Sessions.AdminAsync(_gateway);
        foreach (var path in new[] { "r", "r/1", "r/2", "r/2/x", "s" })
        {
            await session.Topics.AddAsync(path, TopicType.String);
        }

        Assert.Equal(3, await session.Topics.RemoveAsync("?r/"));
        Assert.Equal(0, await session.Topics.RemoveAsync("?r/"));
        Assert.Equal(1, await session.Topics.RemoveAsync("?r//"));
        Assert.Equal(0, await session.Topics.RemoveAsync(">nothing/here"));
        var remaining = await session.Topics.FetchAsync("?.*//");
        Assert.Equal(["s"], remaining.Results.Select(topic => topic.Path));
    }

    [Fact]
    public async Task TOP_81_fetch_returns_path_order_values_properties_and_pages_with_after()
    {
        await using var session = await Sessions.AdminAsync(_gateway);
        foreach (var path in new[] { "f/c", "f/a", "f/b/x", "f/b" })
        {
            await session.Topics.AddAndSetAsync(path, TopicType.String, "v:" + path);
        }

        var first = await session.Topics.FetchAsync("?f//", new FetchOptions { Limit = 2, WithValues = true, WithProperties = true });
        Assert.Equal(["f/a", "f/b"], first.Results.Select(topic => topic.Path));
        Assert.True(first.HasMore);
        Assert.Equal("v:f/a", first.Results[0].Value.AsString());
        Assert.NotNull(first.Results[0].Properties);

        var second = await session.Topics.FetchAsync("?f//", new FetchOptions { Limit = 2, After = "f/b", WithValues = true });
        Assert.Equal(["f/b/x", "f/c"], second.Results.Select(topic => topic.Path));
        Assert.False(second.HasMore);
    }

    [Fact]
    public async Task TOP_10_every_type_round_trips_exactly_through_set_fetch_and_subscription()
    {
        await using var session = await Sessions.AdminAsync(_gateway);
        const string json = """{ "b":1.10,  "a":[true,null] }""";
        await session.Topics.AddAndSetAsync("t/json", TopicType.Json, JsonValue.Parse(json));
        await session.Topics.AddAndSetAsync("t/string", TopicType.String, "héllo ✓");
        await session.Topics.AddAndSetAsync("t/int64", TopicType.Int64, long.MinValue);
        await session.Topics.AddAndSetAsync("t/double", TopicType.Double, double.NegativeInfinity);
        await session.Topics.AddAndSetAsync("t/binary", TopicType.Binary, new byte[] { 0, 255, 7 });

        var fetched = (await session.Topics.FetchAsync("?t/", new FetchOptions { WithValues = true })).Results.ToDictionary(topic => topic.Path);
        Assert.Equal(json, fetched["t/json"].Value.AsJson()!.Value.Text);
        Assert.Equal("héllo ✓", fetched["t/string"].Value.AsString());
        Assert.Equal(long.MinValue, fetched["t/int64"].Value.AsInt64());
        Assert.Equal(double.NegativeInfinity, fetched["t/double"].Value.AsDouble());
        Assert.Equal(new byte[] { 0, 255, 7 }, fetched["t/binary"].Value.AsBinary()!.Value.ToArray());

        var events = new EventCollector();
        using var stream = session.Topics.AddStream("?t/json", events);
        await session.Topics.SubscribeAsync("?t/json");
        Assert.Equal(["subscribed t/json", $"value t/json {json}"], await events.TakeAsync(2));
    }

    [Fact]
    public async Task TOP_13_null_clears_a_string_topic_for_subscribers_and_fetch()
    {
        await using var session = await Sessions.AdminAsync(_gateway);
        await session.Topics.AddAndSetAsync("clear/me", TopicType.String, "x");
        var events = new EventCollector();
        using var stream = session.Topics.AddStream("clear/me", events);
        await session.Topics.SubscribeAsync("clear/me");
        await session.Topics.SetAsync("clear/me", (string?)null);

        Assert.Equal(["subscribed clear/me", "value clear/me x", "value clear/me none"], await events.TakeAsync(3));
        var fetched = await session.Topics.FetchAsync("clear/me", new FetchOptions { WithValues = true });
        Assert.False(fetched.Results[0].HasValue);
    }

    [Fact]
    public async Task TOP_22_dont_retain_value_gives_no_initial_value_but_updates_still_flow()
    {
        await using var session = await Sessions.AdminAsync(_gateway);
        var specification = TopicSpecification.Create(TopicType.Int64, new Dictionary<string, string> { ["DONT_RETAIN_VALUE"] = "true" });
        await session.Topics.AddAndSetAsync("volatile/x", specification, 1L);

        var events = new EventCollector();
        using var stream = session.Topics.AddStream("volatile/x", events);
        await session.Topics.SubscribeAsync("volatile/x");
        await session.Topics.SetAsync("volatile/x", 2L);

        Assert.Equal(["subscribed volatile/x", "value volatile/x 2"], await events.TakeAsync(2));
        var fetched = await session.Topics.FetchAsync("volatile/x", new FetchOptions { WithValues = true });
        Assert.False(fetched.Results[0].HasValue);
    }

    [Fact]
    public async Task UPD_1_set_returns_increasing_sequences()
    {
        await using var session = await Sessions.AdminAsync(_gateway);
        await session.Topics.AddAsync("seq", TopicType.Int64);
        Assert.Equal(1, await session.Topics.SetAsync("seq", 10L));
        Assert.Equal(2, await session.Topics.SetAsync("seq", 10L));
        Assert.Equal(3, (await session.Topics.FetchAsync("seq", new FetchOptions { WithValues = true })).Results[0].Sequence + 1);
    }
}
