using Topiary.Runtime;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

public sealed class TimerGrain(TestProbe probe) : Grain, ITimerGrain
{
    private IDisposable? _timer;
    private int _ticks;
    private int _inside;

    public Task Start(TimeSpan period)
    {
        _timer = RegisterTimer(OnTickAsync, period, period);
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public async Task Hold()
    {
        probe.ObserveConcurrency(Interlocked.Increment(ref _inside));
        probe.Record("hold-start");
        await probe.Gate.Task;
        probe.Record("hold-end");
        Interlocked.Decrement(ref _inside);
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private Task OnTickAsync(CancellationToken cancellationToken)
    {
        probe.ObserveConcurrency(Interlocked.Increment(ref _inside));
        _ticks++;
        probe.Record($"timer:{GetPrimaryKeyString()}");
        Interlocked.Decrement(ref _inside);
        return Task.CompletedTask;
    }
}
