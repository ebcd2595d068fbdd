using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Topiary.Gateway.Protocol;

namespace Topiary.Benchmarks.Delivery;

/// <summary>
/// <c>socket</c>: the write path over real loopback sockets. For each target rate, the same
/// updates go to the same number of connections first through the baseline
/// (<see cref="WebSocketSendPath"/>), then through Topiary's (<see cref="TopiaryWritePath"/>,
/// with one wake-up per queue as the gateway first did, then with batched wake-ups as it does now);
/// a child process (<see cref="DrainCommand"/>) reads and discards, so this process's CPU time
/// and allocation are the server side's alone. Prints one markdown table with the ratios.
/// </summary>
internal static class SocketDeliveryCommand
{
    public const string Verb = "socket";

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        var connections = options.GetInt32("connections", 1000, 1, 20_000);
        var rates = options.GetInt32List("rates", [50_000, 200_000], 1, 10_000_000);
        var seconds = options.GetInt32("seconds", 5, 1, 600);
        var warmup = options.GetInt32("warmup", 2, 1, 600);
        var valueBytes = options.GetInt32("value-bytes", 8, 8, 60_000);
        options.ThrowIfUnused("--connections --rates --seconds --warmup --value-bytes");

        Console.WriteLine($"socket: {connections} connections, rates {string.Join(", ", rates)} deliveries/s, " +
            $"{warmup} s warm-up + {seconds} s measured per path, {valueBytes}-byte values, {Environment.ProcessorCount} cores, " +
            $"Server GC {System.Runtime.GCSettings.IsServerGC}");
        var results = new List<SocketPhaseResult>();
        foreach (var rate in rates)
        {
            results.Add(await RunPhaseAsync(sockets => new WebSocketSendPath(sockets, valueBytes), connections, rate, warmup, seconds, valueBytes));
            results.Add(await RunPhaseAsync(sockets => new TopiaryWritePath(sockets, valueBytes, batchWakeups: false), connections, rate, warmup, seconds, valueBytes));
            results.Add(await RunPhaseAsync(sockets => new TopiaryWritePath(sockets, valueBytes, batchWakeups: true), connections, rate, warmup, seconds, valueBytes));
        }
        Print(results);
        return 0;
    }

    private static async Task<SocketPhaseResult> RunPhaseAsync(
        Func<Socket[], IDeliveryPath> create, int connections, int rate, int warmup, int seconds, int valueBytes)
    {
        var updatesPerSecond = (double)rate / connections;
        var warmUpdates = Math.Max(1, (long)Math.Round(updatesPerSecond * warmup));
        var measuredUpdates = Math.Max(1, (long)Math.Round(updatesPerSecond * seconds));
        long frameBytes = ValueFrame.FrameLength(valueBytes);
        var warmBytes = warmUpdates * frameBytes * connections;
        var totalBytes = (warmUpdates + measuredUpdates) * frameBytes * connections;

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(connections);
        using var drain = DrainProcess.Start(((IPEndPoint)listener.LocalEndpoint).Port, connections, warmBytes, totalBytes);
        var sockets = new Socket[connections];
        for (var i = 0; i < connections; i++)
        {
            sockets[i] = await listener.AcceptSocketAsync();
            sockets[i].NoDelay = true;
        }
        await drain.WaitForAsync("connected", DrainTimeout);
        var path = create(sockets);
        try
        {
            await PublishAsync(path, 0, warmUpdates, updatesPerSecond);
            await drain.WaitForAsync("warm", DrainTimeout);

            var before = Snapshot.Take();
            var writesBefore = path.Writes;
            await PublishAsync(path, warmUpdates, measuredUpdates, updatesPerSecond);
            await drain.WaitForAsync("done", DrainTimeout);
            var after = Snapshot.Take();
            var writes = path.Writes - writesBefore;

            var deliveries = measuredUpdates * connections;
            return new SocketPhaseResult(path.Name, rate, deliveries,
                deliveries / (after.Time - before.Time).TotalSeconds,
                (after.Cpu - before.Cpu).TotalMicroseconds / deliveries,
                (double)(after.Allocated - before.Allocated) / deliveries,
                (double)(after.ThreadPoolItems - before.ThreadPoolItems) / deliveries,
                (double)deliveries / Math.Max(1, writes),
                (double)(after.LockContentions - before.LockContentions) / deliveries,
                after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);
        }
        finally
        {
            await path.DisposeAsync();
            await drain.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
    }

    // A dedicated thread, paced with sleeps: the publisher must not occupy a thread-pool thread the writers need.
    private static Task PublishAsync(IDeliveryPath path, long firstSequence, long count, double perSecond)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var pacer = new Pacer(perSecond);
                var published = 0L;
                while (published < count)
                {
                    for (var due = Math.Min(count, pacer.Due); published < due; published++)
                    {
                        path.Publish(firstSequence + published + 1);
                    }
                    Thread.Sleep(1);
                }
                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        })
        { IsBackground = true, Name = "publisher" };
        thread.Start();
        return done.Task;
    }

    private static void Print(List<SocketPhaseResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| target deliveries/s | path | delivered/s | server CPU µs/delivery | CPU ratio | bytes allocated/delivery | deliveries/write | thread-pool items/delivery | lock contentions/delivery | GCs gen0/1/2 |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        SocketPhaseResult? baseline = null;
        foreach (var result in results)
        {
            baseline = result.TargetRate == baseline?.TargetRate ? baseline : result;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {result.TargetRate:N0} | {result.Path} | {result.DeliveredPerSecond:N0} | {result.CpuMicroseconds:F2} | " +
                $"{result.CpuMicroseconds / baseline.CpuMicroseconds:F2} | {result.AllocatedBytes:F1} | {result.DeliveriesPerWrite:F2} | {result.ThreadPoolItems:F3} | " +
                $"{result.LockContentions:F4} | {result.Gen0}/{result.Gen1}/{result.Gen2} |"));
        }
    }

    private readonly record struct Snapshot(TimeSpan Time, TimeSpan Cpu, long Allocated, long ThreadPoolItems, long LockContentions, int Gen0, int Gen1, int Gen2)
    {
        public static Snapshot Take() => new(
            Stopwatch.GetElapsedTime(0),
            Environment.CpuUsage.TotalTime,
            GC.GetTotalAllocatedBytes(precise: true),
            ThreadPool.CompletedWorkItemCount,
            Monitor.LockContentionCount,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2));
    }
}
