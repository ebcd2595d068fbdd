using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Topiary.Errors;
using Topiary.Runtime;
using Topiary.Runtime.Storage;
using Topiary.Tests.Grains.Runtime.TestGrains;

namespace Topiary.Tests.Grains.Runtime.Activation;

[Trait("Category", TestCategories.Unit)]
public sealed class GrainStateTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task State_written_by_a_grain_survives_a_runtime_restart_on_the_same_SQLite_file()
    {
        var path = _directory.File("state.db");
        await using (var first = await TestSilo.StartAsync(path))
        {
            await first.Factory.GetGrain<ICounterGrain>("durable").Add(41);
        }

        await using var second = await TestSilo.StartAsync(path);
        var counter = second.Factory.GetGrain<ICounterGrain>("durable");
        Assert.Equal(42, await counter.Add(1));
        Assert.True(await counter.Exists());
    }

    [Fact]
    public async Task A_write_after_the_record_changed_underneath_surfaces_the_conflict_to_the_grain()
    {
        await using var silo = await TestSilo.StartAsync(_directory.File("conflict.db"));
        var counter = silo.Factory.GetGrain<ICounterGrain>("c");
        await counter.Add(1);
        var store = silo.Services.GetRequiredService<IGrainStateStore>();
        var stored = await store.ReadAsync("test-counter", "c", CancellationToken.None);
        await store.WriteAsync("test-counter", "c", Encoding.UTF8.GetBytes("""{"Value":100}"""), stored!.ETag, CancellationToken.None);

        Assert.Equal("conflict", await counter.TryAdd(1));

        var after = await store.ReadAsync("test-counter", "c", CancellationToken.None);
        Assert.Equal("""{"Value":100}""", Encoding.UTF8.GetString(after!.Data)); // nothing was overwritten
    }

    [Fact]
    public async Task An_unhandled_conflict_fails_the_call_and_the_next_activation_reloads_the_stored_state()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Factory.GetGrain<ICounterGrain>("c");
        await counter.Add(1);
        var store = silo.Services.GetRequiredService<IGrainStateStore>();
        var stored = await store.ReadAsync("test-counter", "c", CancellationToken.None);
        await store.WriteAsync("test-counter", "c", Encoding.UTF8.GetBytes("""{"Value":100}"""), stored!.ETag, CancellationToken.None);

        var error = await Assert.ThrowsAnyAsync<TopiaryException>(() => counter.Add(1));
        Assert.Equal(ErrorCode.InternalError, error.Code);

        Assert.Equal(101, await counter.Add(1));
        Assert.Contains("deactivated:c:StateConflict", silo.Probe.Events);
    }

    [Fact]
    public async Task A_corrupt_record_fails_only_that_grains_activation_and_is_never_deleted()
    {
        var path = _directory.File("corrupt.db");
        await using var silo = await TestSilo.StartAsync(path);
        var store = silo.Services.GetRequiredService<IGrainStateStore>();
        await store.WriteAsync("test-counter", "bad", Encoding.UTF8.GetBytes("{not json"), null, CancellationToken.None);

        var error = await Assert.ThrowsAnyAsync<TopiaryException>(() => silo.Factory.GetGrain<ICounterGrain>("bad").Read());
        Assert.Equal(ErrorCode.InternalError, error.Code);
        Assert.NotNull(error.Error.CorrelationId);
        Assert.Contains(silo.Logs.Records, r => r.Message.Contains(error.Error.CorrelationId!, StringComparison.Ordinal)
            && r.Message.Contains("test-counter/bad", StringComparison.Ordinal));

        // Retried on the next call, still failing; other grains are unaffected; the record is intact.
        await Assert.ThrowsAnyAsync<TopiaryException>(() => silo.Factory.GetGrain<ICounterGrain>("bad").Read());
        Assert.Equal(1, await silo.Factory.GetGrain<ICounterGrain>("good").Add(1));
        var record = await store.ReadAsync("test-counter", "bad", CancellationToken.None);
        Assert.Equal("{not json", Encoding.UTF8.GetString(record!.Data));

        // Once an operator repairs it, the grain activates.
        await store.WriteAsync("test-counter", "bad", Encoding.UTF8.GetBytes("""{"Value":7}"""), record.ETag, CancellationToken.None);
        Assert.Equal(7, await silo.Factory.GetGrain<ICounterGrain>("bad").Read());
    }

    [Fact]
    public async Task Clearing_deletes_the_record_and_resets_the_state()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Factory.GetGrain<ICounterGrain>("clear");
        await counter.Add(5);

        await counter.Clear();

        Assert.False(await counter.Exists());
        Assert.Equal(0, await counter.Read());
        Assert.Null(await silo.Services.GetRequiredService<IGrainStateStore>().ReadAsync("test-counter", "clear", CancellationToken.None));
        Assert.Equal(1, await counter.Add(1));
    }

    [Fact]
    public async Task A_grain_works_without_a_runtime_with_in_memory_state()
    {
        var grain = new CounterGrain(new TestProbe(), Microsoft.Extensions.Logging.Abstractions.NullLogger<CounterGrain>.Instance);
        grain.Initialise(new DetachedGrainContext("unit"));

        await grain.OnActivateAsync(CancellationToken.None);
        Assert.Equal(2, await grain.Add(2));
        Assert.True(await grain.Exists());
        Assert.Equal("unit", grain.GetPrimaryKeyString());
        await grain.Clear();
        Assert.False(await grain.Exists());
        Assert.Equal(0, await grain.Read());
    }

    [Fact]
    public async Task A_grain_constructed_without_any_context_still_runs()
    {
        var grain = new CounterGrain(new TestProbe(), Microsoft.Extensions.Logging.Abstractions.NullLogger<CounterGrain>.Instance);

        Assert.Equal(3, await grain.Add(3));
        Assert.Equal(string.Empty, grain.GetPrimaryKeyString());
    }
}
