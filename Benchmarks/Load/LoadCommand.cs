using System.Diagnostics;
using System.Globalization;
using Topiary.Client;
using Topiary.Topics;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// <c>load</c>: the real standalone gateway, in its own process, serving S sessions that each
/// subscribe to all of T non-persistent INT64 topics, while one SDK session sets those topics at
/// a steady rate. Reports what one measurement window delivered, the gateway's CPU time per
/// delivered message (from /proc), its allocation per message (runtime counters over EventPipe),
/// and end-to-end latency. Subscribers and publisher share the load tool's process and the
/// machine's cores with the gateway; their CPU use is printed so the reading can account for it.
/// </summary>
internal static class LoadCommand
{
    public const string Verb = "load";

    private const string TopicRoot = "bench";

    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        var sessions = options.GetInt32("sessions", 1000, 1, 50_000);
        var topics = options.GetInt32("topics", 100, 1, 100_000);
        var rate = options.GetInt32("rate", 50_000, 1, 100_000_000);
        var seconds = options.GetInt32("seconds", 20, 1, 3600);
        var warmup = options.GetInt32("warmup", 5, 0, 3600);
        var mode = options.GetString("mode", "fixed");
        var maxP99 = options.GetInt32("max-p99-ms", 50, 1, 60_000);
        var gatewayAssembly = options.GetOptionalString("gateway") ?? GatewayProcess.DefaultAssembly();
        // Where the gateway's SQLite database goes: a tmpfs such as /dev/shm takes disk syncs out of the picture.
        var dataParent = options.GetString("data-parent", Path.GetTempPath());
        // The subscribers' endpoint: the native protocol, or the SignalR compatibility hub.
        var transport = options.GetString("transport", "native");
        options.ThrowIfUnused("--sessions --topics --rate --seconds --warmup --mode --max-p99-ms --gateway --data-parent --transport");
        if (transport is not ("native" or "signalr"))
        {
            throw new UsageException($"--transport must be 'native' (/topiary) or 'signalr' (/topiary/hub), got '{transport}'");
        }
        if (mode is not ("fixed" or "find-max"))
        {
            throw new UsageException($"--mode must be 'fixed' (one window at --rate) or 'find-max' (raise the rate from --rate while p99 <= --max-p99-ms, then measure at half the highest), got '{mode}'");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {sessions} sessions x {topics} topics, {mode} from {rate:N0} deliveries/s, " +
            $"{warmup} s warm-up + {seconds} s measured, {Environment.ProcessorCount} cores; subscribers over {transport}; gateway {gatewayAssembly}, data under {dataParent}"));

        await using var gateway = await GatewayProcess.StartAsync(gatewayAssembly, dataParent);
        await using var publisherSession = await gateway.OpenAdminSessionAsync();
        var paths = await BenchmarkTopics.AddAsync([publisherSession], TopicRoot, topics);

        var statistics = new DeliveryStatistics();
        var connecting = Stopwatch.StartNew();
        var signalR = transport == "signalr";
        var subscribers = await BenchmarkTopics.SubscribeAsync(
            new Uri($"ws://{gateway.Url.Authority}/topiary{(signalR ? "/hub" : "")}"), $"?{TopicRoot}/", sessions, statistics, signalR);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sessions} sessions subscribed in {connecting.Elapsed.TotalSeconds:F1} s"));
        try
        {
            var run = new LoadRun(gateway, publisherSession, paths, sessions, statistics);
            if (mode == "find-max")
            {
                var highest = await FindMaxAsync(run, rate, maxP99);
                if (highest == 0)
                {
                    Console.WriteLine($"no rate tried kept p99 within {maxP99} ms; lower --rate");
                    return 1;
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"highest rate with p99 <= {maxP99} ms: {highest:N0} deliveries/s; measuring at half of it ({highest / 2:N0})"));
                rate = highest / 2;
            }
            var window = await run.MeasureAsync(rate, warmup, seconds);
            Report(sessions, window, subscribers);
        }
        finally
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DisposeAsync();
            }
        }
        return 0;
    }

    // Raises the rate by half each step while every delivery keeps up and p99 stays within the bound.
    private static async Task<int> FindMaxAsync(LoadRun run, int rate, int maxP99Milliseconds)
    {
        var highest = 0;
        for (var target = rate; ; target += target / 2)
        {
            var window = await run.MeasureAsync(target, warmupSeconds: 3, seconds: 8);
            var delivered = window.DeliveredPerSecond;
            var p99 = window.Latencies.Percentile(0.99) / 1000.0;
            var kept = p99 <= maxP99Milliseconds && delivered >= 0.95 * target;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  target {target,9:N0}/s: delivered {delivered,9:N0}/s, p99 {p99,8:F1} ms, {window.GatewayCpuPerMessage:F2} µs/msg -> {(kept ? "kept up" : "over")}"));
            if (!kept)
            {
                return highest;
            }
            highest = target;
        }
    }

    private static void Report(int sessions, LoadWindow measured, LoadSubscriber[] subscribers)
    {
        var (before, after, latencies, sums, publisher) = measured;
        var window = (after.Time - before.Time).TotalSeconds;
        var delivered = after.Delivered - before.Delivered;
        var published = after.Published - before.Published;
        var gatewayCpu = (after.GatewayCpu - before.GatewayCpu).TotalSeconds;
        var toolCpu = (after.ToolCpu - before.ToolCpu).TotalSeconds;
        var machineBusy = (after.MachineBusy - before.MachineBusy).TotalSeconds / (after.MachineTotal - before.MachineTotal).TotalSeconds;
        var closed = subscribers.Count(subscriber => subscriber.ClosedBecause is not null);
        var lines = new List<FormattableString>
        {
            $"",
            $"| measure | value |",
            $"| --- | ---: |",
            $"| window | {window:F1} s |",
            $"| updates published | {published / window:N0} /s |",
            $"| messages delivered | {delivered / window:N0} /s ({(double)delivered / Math.Max(1, published * sessions):P1} of published × sessions) |",
            $"| **gateway CPU per delivered message** | **{gatewayCpu * 1e6 / Math.Max(1, delivered):F2} µs** |",
            $"| gateway CPU | {gatewayCpu / window:F2} cores |",
            $"| load tool CPU (subscribers + publisher) | {toolCpu / window:F2} cores |",
            $"| machine busy | {machineBusy:P0} of {Environment.ProcessorCount} cores |",
            $"| end-to-end latency p50 / p90 / p99 / p99.9 / max | {Percentiles(latencies)} |",
            $"| publisher's set → answer p50 / p90 / p99 / p99.9 / max | {Percentiles(publisher.Acknowledgements)} |",
        };
        if (sums is not null && delivered > 0)
        {
            lines.Add($"| gateway allocation per delivered message | {sums.GetValueOrDefault("alloc-rate") / delivered:F1} bytes |");
            lines.Add($"| gateway thread-pool work items per delivered message | {sums.GetValueOrDefault("threadpool-completed-items-count") / delivered:F3} |");
            lines.Add($"| gateway thread-pool threads, mean / queue length, mean | {sums.GetValueOrDefault("threadpool-thread-count"):F1} / {sums.GetValueOrDefault("threadpool-queue-length"):F1} |");
            lines.Add($"| gateway lock contentions per delivered message | {sums.GetValueOrDefault("monitor-lock-contention-count") / delivered:F4} |");
            lines.Add($"| gateway GCs gen0 / gen1 / gen2 | {sums.GetValueOrDefault("gen-0-gc-count"):F0} / {sums.GetValueOrDefault("gen-1-gc-count"):F0} / {sums.GetValueOrDefault("gen-2-gc-count"):F0} |");
        }
        lines.Add($"| failed publishes / sessions closed by the gateway | {publisher.Failed} / {closed} |");
        ResultTable.Print(lines);
        if (publisher.FirstError is { } error)
        {
            Console.WriteLine($"first publish error: {error}");
        }
        if (subscribers.FirstOrDefault(subscriber => subscriber.ClosedBecause is not null) is { } first)
        {
            Console.WriteLine($"first closed session: {first.ClosedBecause}");
        }
    }

    internal static string Percentiles(LatencyHistogram histogram) =>
        $"{Ms(histogram.Percentile(0.50))} / {Ms(histogram.Percentile(0.90))} / {Ms(histogram.Percentile(0.99))} / " +
        $"{Ms(histogram.Percentile(0.999))} / {Ms(histogram.Max)} ms ({histogram.Count:N0} timed)";

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("F2", CultureInfo.InvariantCulture);
}
