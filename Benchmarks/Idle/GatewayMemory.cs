using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Topiary.Benchmarks.Idle;

/// <summary>
/// Memory of another .NET process: its resident set from /proc, and its managed heap right after
/// a full, blocking collection that this probe induces over the diagnostics channel (the runtime
/// collects when a session enables the <c>GCHeapCollect</c> keyword, as dotnet-gcdump does).
/// </summary>
internal static class GatewayMemory
{
    private static readonly TimeSpan CollectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Resident set size of process <paramref name="pid"/>, in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                // "VmRSS:     123456 kB"
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no VmRSS line");
    }

    /// <summary>Induces a full collection in process <paramref name="pid"/> and returns the size of its managed heap afterwards.</summary>
    public static long CollectAndMeasureHeap(int pid)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords);
        using var session = new DiagnosticsClient(pid).StartEventPipeSession(provider, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var heapBytes = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first heap statistics after enabling are those of the induced collection.
        source.Clr.GCHeapStats += stats => heapBytes.TrySetResult(
            stats.GenerationSize0 + stats.GenerationSize1 + stats.GenerationSize2 + stats.GenerationSize3 + stats.GenerationSize4);
        var processing = Task.Run(source.Process);
        if (!heapBytes.Task.Wait(CollectTimeout))
        {
            throw new TimeoutException($"process {pid} reported no garbage collection within {CollectTimeout.TotalSeconds} s");
        }
        // Processing ends once the session stops sending.
        session.Stop();
        processing.Wait(CollectTimeout);
        return heapBytes.Task.Result;
    }
}
