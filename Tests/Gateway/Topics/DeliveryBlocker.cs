using Topiary.Runtime.Messaging;

namespace Topiary.Tests.Gateway.Topics;

/// <summary>
/// A bus handler that, once armed, holds the next delivery on its channel open — inside the
/// bus's per-channel lock, before the handlers subscribed after it run. Subscribe it before the
/// object under test to make "a delivery is in progress" a deterministic state.
/// </summary>
internal sealed class DeliveryBlocker : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _proceed = new();
    private readonly IDisposable _subscription;
    private volatile bool _armed;
    private bool _deadlocked;

    public DeliveryBlocker(IMessageBus bus, string channel) =>
        _subscription = bus.Subscribe(channel, (_, _) =>
        {
            if (_armed)
            {
                _armed = false;
                _entered.Set();
                _proceed.Wait(Timeout);
            }
        });

    /// <summary>
    /// Starts <paramref name="publish"/>, waits until its delivery is held, starts
    /// <paramref name="action"/> on another thread, gives it time to reach its locks, then lets
    /// the delivery continue; fails when the two do not both finish.
    /// </summary>
    public async Task RaceAsync(Func<ValueTask> publish, Action action)
    {
        _armed = true;
        var delivery = Task.Run(async () => await publish());
        Assert.True(_entered.Wait(Timeout), "the delivery did not start");
        using var started = new ManualResetEventSlim();
        var racing = Task.Run(() =>
        {
            started.Set();
            action();
        });
        Assert.True(started.Wait(Timeout), "the racing action did not start");
        // Time for the action to reach the locks it takes (there is no way to observe the wait).
        await Task.Delay(200);
        _proceed.Set();

        var both = Task.WhenAll(delivery, racing);
        _deadlocked = await Task.WhenAny(both, Task.Delay(Timeout)) != both;
        Assert.False(_deadlocked, "deadlock: the delivery and the topic wait for each other's lock");
    }

    public void Dispose()
    {
        if (_deadlocked)
        {
            // Unsubscribing needs the channel lock the stuck delivery holds: leave it, or the
            // test run would hang instead of reporting the failure.
            return;
        }
        _subscription.Dispose();
        _entered.Dispose();
        _proceed.Dispose();
    }
}
