using System.Diagnostics;

namespace Topiary.Benchmarks.Load;

/// <summary>Counters read at one edge of a measurement window: time, CPU of the gateway, the tool and the machine, messages.</summary>
internal readonly record struct LoadSample(TimeSpan Time, TimeSpan GatewayCpu, TimeSpan ToolCpu, TimeSpan MachineBusy, TimeSpan MachineTotal, long Delivered, long Published)
{
    public static LoadSample Take(GatewayProcess gateway, DeliveryStatistics statistics, LoadPublisher publisher)
    {
        var (busy, total) = ProcStat.MachineCpu();
        return new(Stopwatch.GetElapsedTime(0), gateway.Cpu(), Environment.CpuUsage.TotalTime, busy, total, statistics.Delivered, publisher.Published);
    }
}
