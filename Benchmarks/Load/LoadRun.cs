using Topiary.Client;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// A gateway with its subscribers in place, measured window after window: each window publishes
/// at its own rate (deliveries/s, so rate ÷ sessions updates/s) after a warm-up, and its
/// latencies are kept apart from the previous window's.
/// </summary>
internal sealed class LoadRun(GatewayProcess gateway, ITopiarySession publisherSession, string[] paths, int sessions, DeliveryStatistics statistics)
{
    public async Task<LoadWindow> MeasureAsync(int deliveriesPerSecond, int warmupSeconds, int seconds)
    {
        using var counters = RuntimeCounters.TryStart(gateway.ProcessId);
        // Every session subscribes to every topic, so one update is one delivery per session.
        var publisher = new LoadPublisher(publisherSession, paths, (double)deliveriesPerSecond / sessions, statistics);
        using var stop = new CancellationTokenSource();
        var publishing = Task.Run(() => publisher.RunAsync(stop.Token));

        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds));
        statistics.OpenWindow();
        counters?.OpenWindow();
        var before = LoadSample.Take(gateway, statistics, publisher);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var after = LoadSample.Take(gateway, statistics, publisher);
        statistics.CloseWindow();
        var sums = counters?.CloseWindow();

        await stop.CancelAsync();
        await publishing;
        // Let the last updates of the window arrive before reading the latencies.
        await Task.Delay(TimeSpan.FromSeconds(1));
        statistics.Latencies.Seal();
        publisher.Acknowledgements.Seal();
        return new LoadWindow(before, after, statistics.Latencies, sums, publisher);
    }
}
