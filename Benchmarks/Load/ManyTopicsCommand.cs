using System.Diagnostics;
using System.Globalization;
using Topiary.Benchmarks.Idle;
using Topiary.Client;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// <c>many-topics</c> (workload W2): the real standalone gateway with T topics that have values
/// and S sessions that each subscribe to all of them with one selector. Reports how fast the
/// topics were added, the time until every session has every current value, the gateway's CPU
/// per initial value, and then the latency of updates published at a modest rate.
/// </summary>
internal static class ManyTopicsCommand
{
    public const string Verb = "many-topics";

    private const string TopicRoot = "w2";
    private static readonly TimeSpan InitialValuesTimeout = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        var topics = options.GetInt32("topics", 100_000, 1, 1_000_000);
        var adders = options.GetInt32("adders", 8, 1, 256);
        var sessions = options.GetInt32("sessions", 100, 1, 10_000);
        var rate = options.GetInt32("rate", 100, 1, 100_000);
        var seconds = options.GetInt32("seconds", 10, 1, 3600);
        var gatewayAssembly = options.GetOptionalString("gateway") ?? GatewayProcess.DefaultAssembly();
        var dataParent = options.GetString("data-parent", Path.GetTempPath());
        options.ThrowIfUnused("--topics --adders --sessions --rate --seconds --gateway --data-parent");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"many-topics: {topics:N0} topics, {sessions} sessions each subscribed to all with one selector, then {rate} updates/s for {seconds} s; {Environment.ProcessorCount} cores"));

        await using var gateway = await GatewayProcess.StartAsync(gatewayAssembly, dataParent);
        await using var publisherSession = await gateway.OpenAdminSessionAsync();
        var adding = Stopwatch.StartNew();
        var adderSessions = new List<ITopiarySession>();
        for (var i = 0; i < adders; i++)
        {
            adderSessions.Add(await gateway.OpenAdminSessionAsync());
        }
        var paths = await BenchmarkTopics.AddAsync(adderSessions, TopicRoot, topics, withValues: true);
        foreach (var adder in adderSessions)
        {
            await adder.DisposeAsync();
        }
        var addTime = adding.Elapsed;

        var statistics = new DeliveryStatistics();
        var cpuBefore = gateway.Cpu();
        var subscribing = Stopwatch.StartNew();
        var subscribers = await BenchmarkTopics.SubscribeAsync(new Uri($"ws://{gateway.Url.Authority}/topiary"), $"?{TopicRoot}/", sessions, statistics);
        try
        {
            var expected = (long)topics * sessions;
            while (statistics.InitialValues < expected && subscribing.Elapsed < InitialValuesTimeout)
            {
                await Task.Delay(10);
            }
            var initialTime = subscribing.Elapsed;
            var initialCpu = gateway.Cpu() - cpuBefore;
            var received = statistics.InitialValues;

            var publisher = new LoadPublisher(publisherSession, paths, rate, statistics);
            using var stop = new CancellationTokenSource();
            statistics.OpenWindow();
            var publishing = Task.Run(() => publisher.RunAsync(stop.Token));
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            statistics.CloseWindow();
            await stop.CancelAsync();
            await publishing;
            await Task.Delay(TimeSpan.FromSeconds(1));
            statistics.Latencies.Seal();
            publisher.Acknowledgements.Seal();

            FormattableString[] lines =
            [
                $"",
                $"| measure | value |",
                $"| --- | ---: |",
                $"| topics added (with a value, {adders} sessions) | {topics:N0} in {addTime.TotalSeconds:F1} s ({topics / addTime.TotalSeconds:N0} /s) |",
                $"| **time until every session had every current value** | **{initialTime.TotalSeconds:F1} s** ({received:N0} of {expected:N0} values, {received / initialTime.TotalSeconds:N0} /s) |",
                $"| gateway CPU per initial value | {initialCpu.TotalMicroseconds / Math.Max(1, received):F2} µs |",
                $"| gateway resident set | {GatewayMemory.ResidentBytes(gateway.ProcessId) / 1048576.0:F0} MiB |",
                $"| update latency p50 / p90 / p99 / p99.9 / max | {LoadCommand.Percentiles(statistics.Latencies)} |",
                $"| publisher's set → answer p50 / p90 / p99 / p99.9 / max | {LoadCommand.Percentiles(publisher.Acknowledgements)} |",
                $"| failed publishes / sessions closed by the gateway | {publisher.Failed} / {subscribers.Count(subscriber => subscriber.ClosedBecause is not null)} |",
            ];
            ResultTable.Print(lines);
            return received == expected && publisher.Failed == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DisposeAsync();
            }
        }
    }
}
