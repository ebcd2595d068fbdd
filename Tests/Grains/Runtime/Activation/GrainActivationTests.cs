using Topiary.Runtime;
using Topiary.Tests.Grains.Runtime.TestGrains;

namespace Topiary.Tests.Grains.Runtime.Activation;

[Trait("Category", TestCategories.Unit)]
public sealed class GrainActivationTests
{
    [Fact]
    public async Task A_grain_is_activated_by_its_first_call_not_by_taking_a_reference()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Factory.GetGrain<ICounterGrain>("a");
        Assert.Equal(0, silo.Silo.ActivationCount);

        Assert.Equal(5, await counter.Add(5));

        Assert.Equal(1, silo.Silo.ActivationCount);
        Assert.Equal(["activate:a:0"], silo.Probe.Events);
    }

    [Fact]
    public async Task Calls_to_one_grain_run_one_at_a_time_in_arrival_order()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Factory.GetGrain<ICallGrain>("turns");

        // Sent without awaiting, from two threads' worth of concurrency: the mailbox serialises them.
        var calls = Enumerable.Range(0, 200).Select(grain.Work).ToList();
        await Task.WhenAll(calls);

        Assert.Equal(1, silo.Probe.MaxConcurrency);
        Assert.Equal(Enumerable.Range(0, 200), await grain.Order());
    }

    [Fact]
    public async Task Different_grains_run_concurrently()
    {
        await using var silo = await TestSilo.StartAsync();
        var hung = silo.Factory.GetGrain<ICallGrain>("busy").Hang();

        // Another grain answers while the first one is busy.
        Assert.Equal(7, await silo.Factory.GetGrain<ICallGrain>("free").Echo(7));
        Assert.False(hung.IsCompleted);
        silo.Probe.Gate.SetResult();
        await hung;
    }

    [Fact]
    public async Task An_idle_activation_is_collected_and_the_next_call_reactivates_it_with_its_stored_state()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Factory.GetGrain<ICounterGrain>("idle");
        await counter.Add(3);

        silo.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(3, await counter.Read()); // Still active: the call also resets its idle time.
        silo.Time.Advance(TimeSpan.FromMinutes(16));
        await Eventually.TrueAsync(() => silo.Silo.ActivationCount == 0, "the idle activation is collected");

        Assert.Equal(3, await counter.Read());
        Assert.Equal(["activate:idle:0", "deactivating:idle:ActivationIdle", "deactivated:idle:ActivationIdle", "activate:idle:3"],
            silo.Probe.Events);
    }

    [Fact]
    public async Task An_activation_in_use_is_not_collected()
    {
        await using var silo = await TestSilo.StartAsync(configure: o =>
        {
            o.IdleTimeout = TimeSpan.FromMinutes(1);
            o.CallTimeout = TimeSpan.FromHours(1);
        });
        var grain = silo.Factory.GetGrain<ICallGrain>("busy");
        var hung = grain.Hang();
        await Eventually.TrueAsync(() => silo.Silo.ActivationCount == 1, "activated");

        silo.Time.Advance(TimeSpan.FromMinutes(5));
        silo.Probe.Gate.SetResult();
        await hung;

        Assert.Equal(1, silo.Silo.ActivationCount);
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_current_turn_and_the_next_call_gets_a_new_activation()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Factory.GetGrain<ICounterGrain>("d");
        await counter.Add(1);

        await counter.Deactivate();
        Assert.Equal(2, await counter.Add(1));

        Assert.Equal(["activate:d:0", "deactivating:d:ApplicationRequested", "deactivated:d:ApplicationRequested", "activate:d:1"],
            silo.Probe.Events);
    }

    [Fact]
    public async Task Calls_racing_with_a_slow_deactivation_go_in_order_to_the_next_activation_after_it_finished()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Factory.GetGrain<ICounterGrain>("race");
        await counter.Add(1);
        silo.Probe.DeactivationGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await counter.Deactivate();
        await Eventually.TrueAsync(() => silo.Probe.Count("deactivating:race:ApplicationRequested") == 1, "deactivation started");
        var racing = Enumerable.Range(0, 50).Select(_ => counter.Add(1)).ToList();
        await Task.Delay(20);
        Assert.DoesNotContain(racing, t => t.IsCompleted);

        silo.Probe.DeactivationGate.SetResult();
        var results = await Task.WhenAll(racing);

        Assert.Equal(Enumerable.Range(2, 50), results); // none lost, none reordered, state carried over
        var events = silo.Probe.Events.ToList();
        Assert.True(events.IndexOf("deactivated:race:ApplicationRequested") < events.IndexOf("activate:race:1"));
        Assert.Equal(1, silo.Silo.ActivationCount);
    }

    [Fact]
    public async Task Stopping_the_silo_deactivates_every_activation_and_later_calls_fail_as_unavailable()
    {
        var silo = await TestSilo.StartAsync();
        await using (silo)
        {
            await silo.Factory.GetGrain<ICounterGrain>("x").Add(1);
            await silo.Factory.GetGrain<ICounterGrain>("y").Add(1);

            await silo.StopAsync();

            Assert.Equal(1, silo.Probe.Count("deactivated:x:ShuttingDown"));
            Assert.Equal(1, silo.Probe.Count("deactivated:y:ShuttingDown"));
            Assert.Equal(0, silo.Silo.ActivationCount);
            var error = await Assert.ThrowsAnyAsync<Topiary.Errors.TopiaryException>(() => silo.Factory.GetGrain<ICounterGrain>("x").Read());
            Assert.Equal(Topiary.Errors.ErrorCode.ClusterUnavailable, error.Code);
        }
    }

    [Fact]
    public async Task Calls_before_start_fail_as_initialising()
    {
        await using var silo = TestSilo.Create();
        var error = await Assert.ThrowsAnyAsync<Topiary.Errors.TopiaryException>(() => silo.Factory.GetGrain<ICounterGrain>("x").Read());
        Assert.Equal(Topiary.Errors.ErrorCode.ServerInitialising, error.Code);
        Assert.True(error.Error.Retryable);
    }

    [Fact]
    public async Task A_grain_is_constructed_through_dependency_injection()
    {
        await using var silo = await TestSilo.StartAsync();
        // CounterGrain's constructor takes TestProbe and ILogger<CounterGrain>: activation succeeding proves both resolved.
        Assert.Equal(1, await silo.Factory.GetGrain<ICounterGrain>("di").Add(1));
    }

    [Fact]
    public async Task A_failed_activation_fails_every_waiting_call_with_its_error_and_the_next_call_retries()
    {
        await using var silo = await TestSilo.StartAsync();
        silo.Probe.FailActivationOf = "refuses";
        var counter = silo.Factory.GetGrain<ICounterGrain>("refuses");

        var calls = Enumerable.Range(0, 5).Select(_ => counter.Add(1)).ToList();
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<Topiary.Errors.TopiaryStateException>(() => call);
            Assert.Equal("CONFLICT: this counter refuses to activate", error.Message);
        }
        Assert.Equal(0, silo.Silo.ActivationCount);

        silo.Probe.FailActivationOf = null;
        Assert.Equal(1, await counter.Add(1));
    }
}
