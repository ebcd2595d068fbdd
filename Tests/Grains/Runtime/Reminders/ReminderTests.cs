using Microsoft.Extensions.DependencyInjection;
using Topiary.Runtime.Reminders;
using Topiary.Tests.Grains.Runtime.TestGrains;

namespace Topiary.Tests.Grains.Runtime.Reminders;

[Trait("Category", TestCategories.Unit)]
public sealed class ReminderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_reminder_fires_after_its_due_time_then_every_period_activating_the_grain()
    {
        await using var silo = await TestSilo.StartAsync(configure: o => o.IdleTimeout = TimeSpan.FromMinutes(2));
        await silo.Factory.GetGrain<IReminderGrain>("r").Schedule("beat", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

        silo.Time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(20);
        Assert.Equal(0, silo.Probe.Count("tick:r:beat"));
        silo.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => silo.Probe.Count("tick:r:beat") == 1, "first tick");

        // Collected in between (idle 2 min < period 5 min): the tick re-activates it.
        silo.Time.Advance(TimeSpan.FromMinutes(3));
        await Eventually.TrueAsync(() => silo.Silo.ActivationCount == 0, "collected between ticks");
        silo.Time.Advance(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => silo.Probe.Count("tick:r:beat") == 2, "second tick after reactivation");
    }

    [Fact]
    public async Task Reminders_survive_a_full_restart_and_one_that_fell_due_while_stopped_fires_at_start()
    {
        var path = _directory.File("reminders.db");
        var time = new FakeTimeProvider();
        var probe = new TestProbe();
        await using (var first = await TestSilo.StartAsync(path, time, probe))
        {
            await first.Factory.GetGrain<IReminderGrain>("a").Schedule("missed", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
            await first.Factory.GetGrain<IReminderGrain>("b").Schedule("later", TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30));
            time.Advance(TimeSpan.FromMinutes(1));
            await Eventually.TrueAsync(() => probe.Count("tick:a:missed") == 1, "first tick before the restart");
        }

        time.Advance(TimeSpan.FromMinutes(25)); // two ticks of "missed" fall due while nothing runs

        await using var second = await TestSilo.StartAsync(path, time, probe);
        await Eventually.TrueAsync(() => probe.Count("tick:a:missed") == 2, "the missed ticks fire once, at start");
        await Task.Delay(20);
        Assert.Equal(2, probe.Count("tick:a:missed"));
        Assert.Equal(0, probe.Count("tick:b:later"));

        time.Advance(TimeSpan.FromMinutes(4)); // 30 min after registration
        await Eventually.TrueAsync(() => probe.Count("tick:b:later") == 1, "a reminder not yet due at restart fires on time");
        Assert.Equal(2, probe.Count("tick:a:missed")); // the next one is due at minute 31, on the original grid
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => probe.Count("tick:a:missed") == 3, "then every period again");
    }

    [Fact]
    public async Task A_tick_recorded_before_a_restart_does_not_fire_again_at_start()
    {
        var path = _directory.File("recorded.db");
        var time = new FakeTimeProvider();
        var probe = new TestProbe();
        await using (var first = await TestSilo.StartAsync(path, time, probe))
        {
            await first.Factory.GetGrain<IReminderGrain>("a").Schedule("once", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
            time.Advance(TimeSpan.FromMinutes(1));
            await Eventually.TrueAsync(() => probe.Count("tick:a:once") == 1, "first tick");
            var table = first.Services.GetRequiredService<IReminderTable>();
            await Eventually.TrueAsync(() => table.ReadAsync("test-reminder", "a", "once", default).Result?.LastTickTime is not null,
                "the tick is recorded");
        }

        await using var second = await TestSilo.StartAsync(path, time, probe);
        await Task.Delay(50);

        Assert.Equal(1, probe.Count("tick:a:once"));
    }

    [Fact]
    public async Task An_unregistered_reminder_stops_and_is_removed_from_the_table()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Factory.GetGrain<IReminderGrain>("r");
        await grain.Schedule("beat", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        await grain.Cancel("beat");
        silo.Time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(20);

        Assert.Equal(0, silo.Probe.Count("tick:r:beat"));
        Assert.Empty(await silo.Services.GetRequiredService<IReminderTable>().ReadAllAsync(default));
    }

    [Fact]
    public async Task Registering_again_replaces_the_schedule()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Factory.GetGrain<IReminderGrain>("r");
        await grain.Schedule("beat", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        await grain.Schedule("beat", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));
        silo.Time.Advance(TimeSpan.FromMinutes(9));
        await Task.Delay(20);
        Assert.Equal(0, silo.Probe.Count("tick:r:beat"));
        silo.Time.Advance(TimeSpan.FromMinutes(1));

        await Eventually.TrueAsync(() => silo.Probe.Count("tick:r:beat") == 1, "fires on the new schedule");
    }
}
