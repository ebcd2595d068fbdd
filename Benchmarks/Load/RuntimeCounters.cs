using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// Another process's runtime counters (the <c>System.Runtime</c> EventSource, what
/// <c>dotnet-counters</c> shows), read over the diagnostics IPC channel once a second. Over a
/// window opened and closed by the caller, incrementing counters such as <c>alloc-rate</c> are
/// summed and the others (<c>threadpool-thread-count</c>) averaged; with one sample per second,
/// a window's edges are accurate to about a second.
/// </summary>
internal sealed class RuntimeCounters : IDisposable
{
    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Task _processing;
    private readonly Dictionary<string, (double Sum, int Samples, bool Incrementing)> _sums = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _open;

    private RuntimeCounters(EventPipeSession session)
    {
        _session = session;
        _source = new EventPipeEventSource(session.EventStream);
        _source.Dynamic.All += OnEvent;
        _processing = Task.Run(() => _source.Process());
    }

    /// <summary>Starts listening to process <paramref name="pid"/>; null (with the reason written out) when that is not possible.</summary>
    public static RuntimeCounters? TryStart(int pid)
    {
        try
        {
            var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, 0,
                new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" });
            return new RuntimeCounters(new DiagnosticsClient(pid).StartEventPipeSession(provider, requestRundown: false));
        }
        catch (Exception exception) when (exception is ServerNotAvailableException or UnsupportedCommandException or IOException or TimeoutException)
        {
            Console.WriteLine($"runtime counters unavailable ({exception.Message}): allocation is not reported");
            return null;
        }
    }

    public void OpenWindow()
    {
        lock (_gate)
        {
            _sums.Clear();
            _open = true;
        }
    }

    /// <summary>Ends the window; returns each counter's total (incrementing counters) or mean (the others).</summary>
    public Dictionary<string, double> CloseWindow()
    {
        lock (_gate)
        {
            _open = false;
            var result = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, (sum, samples, incrementing)) in _sums)
            {
                result[name] = incrementing ? sum : sum / samples;
            }
            return result;
        }
    }

    public void Dispose()
    {
        try
        {
            _session.Stop();
        }
        catch (Exception exception) when (exception is ServerNotAvailableException or IOException or TimeoutException)
        {
            // The gateway is already gone.
        }
        _processing.Wait(TimeSpan.FromSeconds(5));
        _source.Dispose();
        _session.Dispose();
    }

    private void OnEvent(TraceEvent data)
    {
        if (data.EventName != "EventCounters" || data.PayloadValue(0) is not IDictionary<string, object> outer
            || outer["Payload"] is not IDictionary<string, object> payload)
        {
            return;
        }
        var name = (string)payload["Name"];
        // Incrementing counters carry "Increment" (the change over the interval), others "Mean".
        var incrementing = payload.TryGetValue("Increment", out var increment);
        var value = Convert.ToDouble(incrementing ? increment : payload["Mean"], System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (_open)
            {
                var (sum, samples, _) = _sums.GetValueOrDefault(name);
                _sums[name] = (sum + value, samples + 1, incrementing);
            }
        }
    }
}
