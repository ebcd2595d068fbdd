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
    private const int ConnectParallelism = 16;

    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        var sessions = options.GetInt32("sessions", 1000, 1, 50_000);
        var topics = options.GetInt32("topics", 100, 1, 100_000);
        var rate = options.GetInt32("rate", 50_000, 1, 100_000_000);
        var seconds = options.GetInt32("seconds", 20, 1, 3600);
        var warmup = options.GetInt32("warmup", 5, 0, 3600);
        var gatewayAssembly = options.GetOptionalString("gateway") ?? DefaultGatewayAssembly();
        // Where the gateway's SQLite database goes: a tmpfs such as /dev/shm takes disk syncs out of the picture.
        var dataParent = options.GetString("data-parent", Path.GetTempPath());
        // The subscribers' endpoint: the native protocol, or the SignalR compatibility hub.
        var transport = options.GetString("transport", "native");
        if (transport is not ("native" or "signalr"))
        {
            throw new UsageException($"--transport {transport}: expected native or signalr");
        }
        options.ThrowIfUnused("--sessions --topics --rate --seconds --warmup --gateway --data-parent --transport");

        // Every session subscribes to every topic, so one update is one delivery per session.
        var updatesPerSecond = (double)rate / sessions;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {sessions} sessions x {topics} topics, target {rate:N0} deliveries/s ({updatesPerSecond:N1} updates/s), " +
            $"{warmup} s warm-up + {seconds} s measured, {Environment.ProcessorCount} cores; subscribers over {transport}; gateway {gatewayAssembly}, data under {dataParent}"));

        await using var gateway = await GatewayProcess.StartAsync(gatewayAssembly, dataParent);
        await using var publisherSession = await TopiarySession.OpenAsync(new TopiarySessionOptions
        {
            Url = gateway.Url,
            Principal = "admin",
            Password = gateway.AdminPassword,
        });
        var paths = await AddTopicsAsync(publisherSession, topics);

        var statistics = new DeliveryStatistics();
        var connecting = Stopwatch.StartNew();
        var subscribers = await ConnectAsync(gateway.Url, transport, sessions, statistics);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sessions} sessions subscribed in {connecting.Elapsed.TotalSeconds:F1} s"));
        try
        {
            using var counters = RuntimeCounters.TryStart(gateway.ProcessId);
            var publisher = new LoadPublisher(publisherSession, paths, updatesPerSecond, statistics);
            using var stop = new CancellationTokenSource();
            var publishing = Task.Run(() => publisher.RunAsync(stop.Token));

            await Task.Delay(TimeSpan.FromSeconds(warmup));
            statistics.OpenWindow();
            counters?.OpenWindow();
            var before = Sample.Take(gateway, statistics, publisher);
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var after = Sample.Take(gateway, statistics, publisher);
            statistics.CloseWindow();
            var sums = counters?.CloseWindow();

            await stop.CancelAsync();
            await publishing;
            // Let the last updates of the window arrive before reading the latencies.
            await Task.Delay(TimeSpan.FromSeconds(1));
            statistics.Latencies.Seal();
            publisher.Acknowledgements.Seal();
            Report(sessions, before, after, statistics, sums, publisher, subscribers);
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

    private static string DefaultGatewayAssembly()
    {
        // The gateway is a project reference, so building this project builds it in the same configuration.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Grains.sln")))
        {
            directory = directory.Parent;
        }
        if (directory is null)
        {
            throw new UsageException("cannot find the repository (Grains.sln) above this program; pass --gateway PATH/Topiary.Gateway.dll");
        }
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return Path.Combine(directory.FullName, "Gateway", "bin", configuration, "net10.0", "Topiary.Gateway.dll");
    }

    private static async Task<string[]> AddTopicsAsync(ITopiarySession session, int count)
    {
        var specification = TopicSpecification.Create(TopicType.Int64, new Dictionary<string, string> { ["PERSISTENT"] = "false" });
        var paths = new string[count];
        for (var i = 0; i < count; i++)
        {
            paths[i] = string.Create(CultureInfo.InvariantCulture, $"{TopicRoot}/t{i:D5}");
            await session.Topics.AddAsync(paths[i], specification);
        }
        return paths;
    }

    private static async Task<LoadSubscriber[]> ConnectAsync(Uri gateway, string transport, int sessions, DeliveryStatistics statistics)
    {
        var subscribers = new LoadSubscriber[sessions];
        var selector = $"?{TopicRoot}/";
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await Parallel.ForAsync(0, sessions, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = timeout.Token },
            async (i, cancellationToken) => subscribers[i] = transport == "signalr"
                ? await SignalRSubscriber.ConnectAsync(new Uri($"ws://{gateway.Authority}/topiary/hub"), selector, statistics, cancellationToken)
                : await RawSubscriber.ConnectAsync(new Uri($"ws://{gateway.Authority}/topiary"), selector, statistics, cancellationToken));
        return subscribers;
    }

    private static void Report(int sessions, Sample before, Sample after, DeliveryStatistics statistics,
        Dictionary<string, double>? sums, LoadPublisher publisher, LoadSubscriber[] subscribers)
    {
        var window = (after.Time - before.Time).TotalSeconds;
        var delivered = after.Delivered - before.Delivered;
        var published = after.Published - before.Published;
        var gatewayCpu = (after.GatewayCpu - before.GatewayCpu).TotalSeconds;
        var toolCpu = (after.ToolCpu - before.ToolCpu).TotalSeconds;
        var machineBusy = (after.MachineBusy - before.MachineBusy).TotalSeconds / (after.MachineTotal - before.MachineTotal).TotalSeconds;
        var latencies = statistics.Latencies;
        var closed = subscribers.Count(subscriber => subscriber.ClosedBecause is not null);
        var lines = new List<string>
        {
            "",
            "| measure | value |",
            "| --- | ---: |",
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
        foreach (var line in lines)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line}"));
        }
        if (publisher.FirstError is { } error)
        {
            Console.WriteLine($"first publish error: {error}");
        }
        if (subscribers.FirstOrDefault(subscriber => subscriber.ClosedBecause is not null) is { } first)
        {
            Console.WriteLine($"first closed session: {first.ClosedBecause}");
        }
    }

    private static string Percentiles(LatencyHistogram histogram) =>
        $"{Ms(histogram.Percentile(0.50))} / {Ms(histogram.Percentile(0.90))} / {Ms(histogram.Percentile(0.99))} / " +
        $"{Ms(histogram.Percentile(0.999))} / {Ms(histogram.Max)} ms ({histogram.Count:N0} timed)";

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("F2", CultureInfo.InvariantCulture);

    private readonly record struct Sample(TimeSpan Time, TimeSpan GatewayCpu, TimeSpan ToolCpu, TimeSpan MachineBusy, TimeSpan MachineTotal, long Delivered, long Published)
    {
        public static Sample Take(GatewayProcess gateway, DeliveryStatistics statistics, LoadPublisher publisher)
        {
            var (busy, total) = ProcStat.MachineCpu();
            return new(Stopwatch.GetElapsedTime(0), gateway.Cpu(), Environment.CpuUsage.TotalTime, busy, total, statistics.Delivered, publisher.Published);
        }
    }
}
