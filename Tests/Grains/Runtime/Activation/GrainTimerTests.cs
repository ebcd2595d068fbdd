using Topiary.Tests.Grains.Runtime.TestGrains;

namespace Topiary.Tests.Grains.Runtime.Activation;

[Trait("Category", TestCategories.Unit)]
public sealed class GrainTimerTests
{
    [Fact]
    public async Task A_timer_ticks_as_turns_of_the_grain()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Factory.GetGrain<ITimerGrain>("t");
        await grain.Start(TimeSpan.FromSeconds(10));

        for (var i = 1; i <= 3; i++)
        {
            silo.Time.Advance(TimeSpan.FromSeconds(10));
            await Eventually.TrueAsync(() => silo.Probe.Count("timer:t") == i, $"tick {i}");
        }

        Assert.Equal(3, await grain.Ticks());
    }

    [Fact]
    public async Task A_tick_waits_for_the_running_call_and_never_overlaps_it()
    {
        await using var silo = await TestSilo.StartAsync(configure: o => o.CallTimeout = TimeSpan.FromHours(1));
        var grain = silo.Factory.GetGrain<ITimerGrain>("t");
        await grain.Start(TimeSpan.FromSeconds(10));
        var hold = grain.Hold();
        await Eventually.TrueAsync(() => silo.Probe.Count("hold-start") == 1, "the call is running");

        silo.Time.Advance(TimeSpan.FromSeconds(35)); // three ticks due; one is queued, the rest skipped
        await Task.Delay(20);
        Assert.Equal(0, silo.Probe.Count("timer:t"));
        silo.Probe.Gate.SetResult();
        await hold;

        await Eventually.TrueAsync(() => silo.Probe.Count("timer:t") == 1, "the queued tick runs after the call");
        Assert.Equal(["hold-start", "hold-end", "timer:t"], silo.Probe.Events);
        Assert.Equal(1, silo.Probe.MaxConcurrency);
    }

    [Fact]
    public async Task Disposing_a_timer_stops_it()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Factory.GetGrain<ITimerGrain>("t");
        await grain.Start(TimeSpan.FromSeconds(10));
        silo.Time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => silo.Probe.Count("timer:t") == 1, "first tick");

        await grain.StopTimer();
        silo.Time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(1, await grain.Ticks());
    }

    [Fact]
    public async Task Timers_stop_when_the_activation_deactivates_and_do_not_keep_it_alive()
    {
        await using var silo = await TestSilo.StartAsync(configure: o => o.IdleTimeout = TimeSpan.FromMinutes(1));
        var grain = silo.Factory.GetGrain<ITimerGrain>("t");
        await grain.Start(TimeSpan.FromSeconds(10));

        silo.Time.Advance(TimeSpan.FromMinutes(2)); // ticking the whole time, yet collected as idle
        await Eventually.TrueAsync(() => silo.Silo.ActivationCount == 0, "collected despite its timer");
        var ticks = silo.Probe.Count("timer:t");
        silo.Time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(20);

        Assert.Equal(ticks, silo.Probe.Count("timer:t"));
        Assert.Equal(0, silo.Silo.ActivationCount);
    }
}
