using System.Text;
using Topiary.Runtime.Storage;

namespace Topiary.Tests.Grains.Runtime.Storage;

/// <summary>
/// The contract of <see cref="IGrainStateStore"/>, run against every implementation: derive once per store
/// and supply a fresh, empty store. Store-agnostic on purpose (the PostgreSQL store derives it too).
/// </summary>
public abstract class GrainStateStoreConformanceTests
{
    private const string Type = "conformance";

    /// <summary>A fresh, empty store.</summary>
    protected abstract IGrainStateStore CreateStore();

    [Fact]
    public async Task Reading_a_missing_record_returns_null()
    {
        Assert.Null(await CreateStore().ReadAsync(Type, "missing", default));
    }

    [Fact]
    public async Task A_written_record_reads_back_with_the_returned_ETag()
    {
        var store = CreateStore();
        var eTag = await store.WriteAsync(Type, "k", Bytes("one"), null, default);

        var record = await store.ReadAsync(Type, "k", default);

        Assert.Equal("one", Text(record!.Data));
        Assert.Equal(eTag, record.ETag);
    }

    [Fact]
    public async Task Each_write_returns_a_new_ETag_and_the_current_one_is_required_for_the_next()
    {
        var store = CreateStore();
        var first = await store.WriteAsync(Type, "k", Bytes("1"), null, default);
        var second = await store.WriteAsync(Type, "k", Bytes("2"), first, default);

        Assert.NotEqual(first, second);
        var stale = await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Type, "k", Bytes("3"), first, default));
        Assert.Equal((Type, "k", first, second), (stale.GrainType, stale.Key, stale.ExpectedETag, stale.ActualETag));
        Assert.Equal("2", Text((await store.ReadAsync(Type, "k", default))!.Data));
    }

    [Fact]
    public async Task Inserting_over_an_existing_record_is_a_conflict()
    {
        var store = CreateStore();
        var eTag = await store.WriteAsync(Type, "k", Bytes("1"), null, default);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Type, "k", Bytes("2"), null, default));

        Assert.Null(error.ExpectedETag);
        Assert.Equal(eTag, error.ActualETag);
    }

    [Fact]
    public async Task Updating_a_missing_record_is_a_conflict()
    {
        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => CreateStore().WriteAsync(Type, "k", Bytes("1"), "some-etag", default));

        Assert.Null(error.ActualETag);
    }

    [Fact]
    public async Task Clearing_with_the_current_ETag_deletes_and_a_stale_one_changes_nothing()
    {
        var store = CreateStore();
        var first = await store.WriteAsync(Type, "k", Bytes("1"), null, default);
        var second = await store.WriteAsync(Type, "k", Bytes("2"), first, default);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearAsync(Type, "k", first, default));
        Assert.NotNull(await store.ReadAsync(Type, "k", default));

        await store.ClearAsync(Type, "k", second, default);
        Assert.Null(await store.ReadAsync(Type, "k", default));
    }

    [Fact]
    public async Task Clearing_a_missing_record_without_an_ETag_succeeds_and_with_one_conflicts()
    {
        var store = CreateStore();

        await store.ClearAsync(Type, "never", null, default);
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearAsync(Type, "never", "x", default));
        await store.WriteAsync(Type, "exists", Bytes("1"), null, default);
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearAsync(Type, "exists", null, default));
    }

    [Fact]
    public async Task A_recreated_record_never_reuses_an_earlier_ETag()
    {
        var store = CreateStore();
        var first = await store.WriteAsync(Type, "k", Bytes("1"), null, default);
        await store.ClearAsync(Type, "k", first, default);

        var recreated = await store.WriteAsync(Type, "k", Bytes("2"), null, default);

        Assert.NotEqual(first, recreated);
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Type, "k", Bytes("3"), first, default));
    }

    [Fact]
    public async Task Records_are_isolated_by_grain_type_and_key()
    {
        var store = CreateStore();
        await store.WriteAsync("a", "k", Bytes("a/k"), null, default);
        await store.WriteAsync("b", "k", Bytes("b/k"), null, default);
        await store.WriteAsync("a", "other", Bytes("a/other"), null, default);

        Assert.Equal("a/k", Text((await store.ReadAsync("a", "k", default))!.Data));
        Assert.Equal("b/k", Text((await store.ReadAsync("b", "k", default))!.Data));
        Assert.Equal("a/other", Text((await store.ReadAsync("a", "other", default))!.Data));
    }

    [Fact]
    public async Task Listing_keys_returns_exactly_the_keys_with_a_record_of_that_type()
    {
        var store = CreateStore();
        string[] keys = ["topics/a", "topics/b", "ünïcødé/☃", string.Empty];
        foreach (var key in keys)
        {
            await store.WriteAsync(Type, key, Bytes(key), null, default);
        }
        await store.WriteAsync("other-type", "topics/c", Bytes("x"), null, default);
        var cleared = await store.WriteAsync(Type, "cleared", Bytes("x"), null, default);
        await store.ClearAsync(Type, "cleared", cleared, default);

        var listed = new List<string>();
        await foreach (var key in store.ListKeysAsync(Type, default))
        {
            listed.Add(key);
        }

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Of_concurrent_writers_holding_the_same_ETag_exactly_one_wins()
    {
        var store = CreateStore();
        var eTag = await store.WriteAsync(Type, "k", Bytes("start"), null, default);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.WriteAsync(Type, "k", Bytes($"writer {i}"), eTag, default);
                return i;
            }
            catch (InconsistentStateException)
            {
                return -1;
            }
        })));

        var winner = Assert.Single(results, r => r >= 0);
        Assert.Equal($"writer {winner}", Text((await store.ReadAsync(Type, "k", default))!.Data));
    }

    [Fact]
    public async Task Of_concurrent_creators_exactly_one_wins()
    {
        var store = CreateStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.WriteAsync(Type, "new", Bytes($"creator {i}"), null, default);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Binary_data_round_trips_unchanged_and_a_caller_mutating_its_copy_changes_nothing()
    {
        var store = CreateStore();
        var data = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        await store.WriteAsync(Type, "bin", data.AsMemory(1, 200), null, default);

        var read = (await store.ReadAsync(Type, "bin", default))!.Data;
        read[0] = 99;

        Assert.Equal(data[1..201], (await store.ReadAsync(Type, "bin", default))!.Data);
    }

    protected static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(byte[] data) => Encoding.UTF8.GetString(data);
}
