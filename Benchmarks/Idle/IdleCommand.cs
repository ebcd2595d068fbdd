using System.Diagnostics;
using System.Globalization;
using Topiary.Benchmarks.Load;

namespace Topiary.Benchmarks.Idle;

/// <summary>
/// <c>idle</c> (workload W3): the real standalone gateway in its own process holding N connected
/// sessions that do nothing. Reports the gateway's memory per session — resident set and managed
/// heap, each measured after a full collection, before and after the sessions connect — and how
/// fast they connected.
/// </summary>
internal static class IdleCommand
{
    public const string Verb = "idle";

    private const int WarmUpSessions = 200;
    private const int ConnectParallelism = 32;
    // File descriptors the tool needs beyond one per session (runtime, gateway process pipes, …).
    private const int SpareDescriptors = 500;

    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        var sessions = options.GetInt32("sessions", 20_000, 1, 1_000_000);
        var settle = options.GetInt32("settle", 3, 0, 600);
        var gatewayAssembly = options.GetOptionalString("gateway") ?? GatewayProcess.DefaultAssembly();
        var dataParent = options.GetString("data-parent", Path.GetTempPath());
        options.ThrowIfUnused("--sessions --settle --gateway --data-parent");
        RequireDescriptors(sessions + SpareDescriptors);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle: {sessions:N0} idle sessions, {Environment.ProcessorCount} cores; gateway {gatewayAssembly}"));
        await using var gateway = await GatewayProcess.StartAsync(gatewayAssembly, dataParent);
        var endpoint = new Uri($"ws://{gateway.Url.Authority}/topiary");

        // Open and close some sessions first, so the code paths are compiled and pools primed before the baseline.
        foreach (var session in await OpenAsync(endpoint, WarmUpSessions))
        {
            await session.DisposeAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        var before = Measure(gateway);

        var cpuBefore = gateway.Cpu();
        var connecting = Stopwatch.StartNew();
        var idle = await OpenAsync(endpoint, sessions);
        var connectTime = connecting.Elapsed;
        var connectCpu = gateway.Cpu() - cpuBefore;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(settle));
            var after = Measure(gateway);
            var ended = idle.Count(session => session.EndedBecause is not null);
            Report(sessions, before, after, connectTime, connectCpu, ended);
            if (idle.FirstOrDefault(session => session.EndedBecause is not null) is { } first)
            {
                Console.WriteLine($"first ended session: {first.EndedBecause}");
            }
            return ended == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var session in idle)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static async Task<IdleSession[]> OpenAsync(Uri endpoint, int count)
    {
        var sessions = new IdleSession[count];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = timeout.Token },
            async (i, cancellationToken) => sessions[i] = await IdleSession.OpenAsync(endpoint, cancellationToken));
        return sessions;
    }

    private static (long Resident, long Heap) Measure(GatewayProcess gateway)
    {
        // Collect first: the resident set then holds what is live plus what the GC keeps committed.
        var heap = GatewayMemory.CollectAndMeasureHeap(gateway.ProcessId);
        return (GatewayMemory.ResidentBytes(gateway.ProcessId), heap);
    }

    private static void Report(int sessions, (long Resident, long Heap) before, (long Resident, long Heap) after,
        TimeSpan connectTime, TimeSpan connectCpu, int ended)
    {
        FormattableString[] lines =
        [
            $"",
            $"| measure | value |",
            $"| --- | ---: |",
            $"| sessions connected | {sessions:N0} in {connectTime.TotalSeconds:F1} s ({sessions / connectTime.TotalSeconds:N0} /s) |",
            $"| gateway CPU per connect (upgrade + handshake) | {connectCpu.TotalMicroseconds / sessions:F0} µs |",
            $"| gateway resident set before / after | {before.Resident / 1048576.0:F1} / {after.Resident / 1048576.0:F1} MiB |",
            $"| gateway managed heap before / after (after a full GC) | {before.Heap / 1048576.0:F1} / {after.Heap / 1048576.0:F1} MiB |",
            $"| **gateway resident memory per idle session** | **{(after.Resident - before.Resident) / 1024.0 / sessions:F2} KiB** |",
            $"| gateway managed heap per idle session | {(after.Heap - before.Heap) / 1024.0 / sessions:F2} KiB |",
            $"| sessions ended by the gateway | {ended} |",
        ];
        ResultTable.Print(lines);
    }

    private static void RequireDescriptors(int needed)
    {
        // The gateway inherits this process's limit; the runtime has already raised the soft limit to the hard one.
        var line = File.ReadLines("/proc/self/limits").First(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        if (soft != "unlimited" && long.Parse(soft, CultureInfo.InvariantCulture) < needed)
        {
            throw new UsageException($"{needed:N0} file descriptors are needed and this process may open {soft}; raise the limit (ulimit -n) or pass a smaller --sessions");
        }
    }
}
