using Microsoft.Extensions.DependencyInjection;
using Topiary.Errors;
using Topiary.Runtime.Messaging;
using Topiary.Runtime.Storage;
using Topiary.Topics;
using static Topiary.Tests.Grains.Topics.TopicSilo;

namespace Topiary.Tests.Grains.Topics;

[Trait("Category", TestCategories.Unit)]
public sealed class TopicGrainTests
{
    [Fact]
    public async Task TOP_31_add_is_idempotent_for_equivalent_specifications_and_conflicts_otherwise()
    {
        await using var silo = await StartAsync();
        var topic = silo.Factory.GetGrain<ITopicGrain>("a/b");

        Assert.True((await topic.AddAsync(Spec(TopicType.Int64), null)).Added);
        Assert.False((await topic.AddAsync(Spec(TopicType.Int64, ("PERSISTENT", "TRUE")), null)).Added);
        var conflict = await Assert.ThrowsAsync<TopiaryStateException>(() => topic.AddAsync(Spec(TopicType.Int64, ("PERSISTENT", "false")), null));
        Assert.Equal(ErrorCode.Conflict, conflict.Code);
        Assert.Equal("EXISTS_MISMATCH", (string?)conflict.Error.Details!["reason"]);
    }

    [Fact]
    public async Task UPD_3_add_and_set_on_an_equivalent_topic_sets_the_value()
    {
        await using var silo = await StartAsync();
        var topic = silo.Factory.GetGrain<ITopicGrain>("counter");

        var created = await topic.AddAsync(Spec(TopicType.Int64), Int64(1));
        var existing = await topic.AddAsync(Spec(TopicType.Int64), Int64(2));

        Assert.Equal((true, 1L), (created.Added, created.Sequence));
        Assert.Equal((false, 2L, created.Epoch), (existing.Added, existing.Sequence, existing.Epoch));
        Assert.Equal(TopicValues.Encode(2L).Span.ToArray(), (await topic.GetSnapshotAsync())!.Value);
    }

    [Fact]
    public async Task UPD_1_set_checks_existence_type_and_clearability_before_changing_anything()
    {
        await using var silo = await StartAsync();
        var missing = silo.Factory.GetGrain<ITopicGrain>("missing");
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<TopiaryStateException>(() => missing.SetAsync(Int64(1)))).Code);

        var json = silo.Factory.GetGrain<ITopicGrain>("json");
        await json.AddAsync(Spec(TopicType.Json), new TopicValueData("JSON", "{\"a\":1}"u8.ToArray()));
        Assert.Equal(ErrorCode.IncompatibleType, (await Assert.ThrowsAsync<TopiaryArgumentException>(() => json.SetAsync(Int64(1)))).Code);
        Assert.Equal(ErrorCode.InvalidValue, (await Assert.ThrowsAsync<TopiaryArgumentException>(() => json.SetAsync(new TopicValueData("JSON", null)))).Code);
        Assert.Equal(ErrorCode.InvalidValue, (await Assert.ThrowsAsync<TopiaryArgumentException>(() => json.SetAsync(new TopicValueData("JSON", "{\"a\":"u8.ToArray())))).Code);

        var snapshot = await json.GetSnapshotAsync();
        Assert.Equal((1L, "{\"a\":1}"), (snapshot!.Sequence, System.Text.Encoding.UTF8.GetString(snapshot.Value!)));
    }

    [Fact]
    public async Task TOP_70_each_update_is_published_once_on_the_topic_channel_in_sequence_order()
    {
        await using var silo = await StartAsync();
        var bus = silo.Services.GetRequiredService<IMessageBus>();
        var received = new List<(TopicBusMessageKind Kind, long Sequence, bool HasValue)>();
        using var subscription = bus.Subscribe(TopicChannel.ForTopic("p"), (_, payload) =>
        {
            Assert.True(TopicBusMessage.TryRead(payload.Span, out var message));
            received.Add((message.Kind, message.Sequence, message.HasValue));
        });
        var topic = silo.Factory.GetGrain<ITopicGrain>("p");

        await topic.AddAsync(Spec(TopicType.String), null);
        await topic.SetAsync(new TopicValueData("STRING", "x"u8.ToArray()));
        await topic.SetAsync(new TopicValueData("STRING", null));
        Assert.True(await topic.RemoveAsync());

        Assert.Equal([(TopicBusMessageKind.Value, 1L, true), (TopicBusMessageKind.Value, 2L, false), (TopicBusMessageKind.Removed, 2L, false)], received);
    }

    [Fact]
    public async Task TOP_22_persistent_updates_are_stored_before_the_acknowledgement_and_removal_deletes_the_record()
    {
        await using var silo = await StartAsync();
        var store = silo.Services.GetRequiredService<IGrainStateStore>();
        var topic = silo.Factory.GetGrain<ITopicGrain>("stored");

        await topic.AddAsync(Spec(TopicType.Int64), null);
        await topic.SetAsync(Int64(7));
        var record = await store.ReadAsync(TopicGrain.StateName, "stored", CancellationToken.None);
        Assert.Contains("\"Sequence\":1", System.Text.Encoding.UTF8.GetString(record!.Data), StringComparison.Ordinal);

        await topic.RemoveAsync();
        Assert.Null(await store.ReadAsync(TopicGrain.StateName, "stored", CancellationToken.None));
        Assert.False(await topic.RemoveAsync());
    }

    [Fact]
    public async Task TOP_22_non_persistent_values_are_written_behind_within_the_delay()
    {
        await using var silo = await StartAsync();
        var store = silo.Services.GetRequiredService<IGrainStateStore>();
        var topic = silo.Factory.GetGrain<ITopicGrain>("behind");
        await topic.AddAsync(Spec(TopicType.Int64, ("PERSISTENT", "false")), null);

        await topic.SetAsync(Int64(5));
        var before = await store.ReadAsync(TopicGrain.StateName, "behind", CancellationToken.None);
        Assert.Contains("\"Sequence\":0", System.Text.Encoding.UTF8.GetString(before!.Data), StringComparison.Ordinal);

        silo.Time.Advance(TopicGrain.WriteBehindDelay);
        var written = false;
        for (var attempt = 0; attempt < 100 && !written; attempt++)
        {
            var after = await store.ReadAsync(TopicGrain.StateName, "behind", CancellationToken.None);
            written = System.Text.Encoding.UTF8.GetString(after!.Data).Contains("\"Sequence\":1", StringComparison.Ordinal);
            await Task.Delay(20);
        }
        Assert.True(written, "the value was not written behind after the delay");
    }

    [Fact]
    public async Task TOP_5_reserved_paths_cannot_be_added()
    {
        await using var silo = await StartAsync();
        var error = await Assert.ThrowsAsync<TopiaryArgumentException>(() =>
            silo.Factory.GetGrain<ITopicGrain>("$sys/x").AddAsync(Spec(TopicType.String), null));
        Assert.Equal("RESERVED", (string?)error.Error.Details!["reason"]);
    }
}
