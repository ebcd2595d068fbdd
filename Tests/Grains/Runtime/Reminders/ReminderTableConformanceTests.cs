using Topiary.Runtime.Reminders;

namespace Topiary.Tests.Grains.Runtime.Reminders;

/// <summary>
/// The contract of <see cref="IReminderTable"/>, run against every implementation: derive once per table
/// and supply a fresh, empty one.
/// </summary>
public abstract class ReminderTableConformanceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    protected abstract IReminderTable CreateTable();

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_millisecond_UTC_precision()
    {
        var table = CreateTable();
        var eTag = await table.UpsertAsync(Entry("g", "k", "r") with { LastTickTime = Start.AddMinutes(5) }, default);

        var read = await table.ReadAsync("g", "k", "r", default);

        Assert.Equal(Entry("g", "k", "r") with { LastTickTime = Start.AddMinutes(5), ETag = eTag }, read);
        Assert.Null(await table.ReadAsync("g", "k", "other", default));
    }

    [Fact]
    public async Task Upsert_replaces_unconditionally_with_a_new_ETag()
    {
        var table = CreateTable();
        var first = await table.UpsertAsync(Entry("g", "k", "r"), default);

        var second = await table.UpsertAsync(Entry("g", "k", "r") with { Period = TimeSpan.FromHours(1) }, default);

        Assert.NotEqual(first, second);
        Assert.Equal(TimeSpan.FromHours(1), (await table.ReadAsync("g", "k", "r", default))!.Period);
    }

    [Fact]
    public async Task TryUpdate_succeeds_only_with_the_current_ETag()
    {
        var table = CreateTable();
        var eTag = await table.UpsertAsync(Entry("g", "k", "r"), default);
        var ticked = Entry("g", "k", "r") with { LastTickTime = Start };

        var updated = await table.TryUpdateAsync(ticked, eTag, default);
        Assert.NotNull(updated);
        Assert.Null(await table.TryUpdateAsync(ticked with { LastTickTime = Start.AddMinutes(1) }, eTag, default));
        Assert.Null(await table.TryUpdateAsync(Entry("g", "k", "missing"), eTag, default));

        Assert.Equal(Start, (await table.ReadAsync("g", "k", "r", default))!.LastTickTime);
    }

    [Fact]
    public async Task Remove_honours_the_ETag_when_given()
    {
        var table = CreateTable();
        var eTag = await table.UpsertAsync(Entry("g", "k", "r"), default);

        Assert.False(await table.RemoveAsync("g", "k", "r", "stale", default));
        Assert.True(await table.RemoveAsync("g", "k", "r", eTag, default));
        Assert.False(await table.RemoveAsync("g", "k", "r", null, default));
        await table.UpsertAsync(Entry("g", "k", "r"), default);
        Assert.True(await table.RemoveAsync("g", "k", "r", null, default));
        Assert.Empty(await table.ReadAllAsync(default));
    }

    [Fact]
    public async Task Reads_per_grain_and_in_total_are_isolated_and_ordered_by_name()
    {
        var table = CreateTable();
        await table.UpsertAsync(Entry("g", "k", "b"), default);
        await table.UpsertAsync(Entry("g", "k", "a"), default);
        await table.UpsertAsync(Entry("g", "other", "a"), default);
        await table.UpsertAsync(Entry("h", "k", "a"), default);

        var forGrain = await table.ReadForGrainAsync("g", "k", default);

        Assert.Equal(["a", "b"], forGrain.Select(e => e.ReminderName));
        Assert.Equal(4, (await table.ReadAllAsync(default)).Count);
    }

    [Fact]
    public void Next_tick_follows_the_grid_of_the_first_tick()
    {
        var entry = Entry("g", "k", "r");

        Assert.Equal(Start, entry.NextTickTime());
        Assert.Equal(Start.AddMinutes(10), (entry with { LastTickTime = Start }).NextTickTime());
        Assert.Equal(Start.AddMinutes(30), (entry with { LastTickTime = Start.AddMinutes(20) }).NextTickTime());
        Assert.Equal(Start.AddMinutes(20), entry.LatestTickAtOrBefore(Start.AddMinutes(29)));
    }

    private static ReminderEntry Entry(string grainType, string key, string name) =>
        new(grainType, key, name, Start, TimeSpan.FromMinutes(10), null, string.Empty);
}
