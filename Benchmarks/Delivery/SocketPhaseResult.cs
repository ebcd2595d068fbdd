namespace Topiary.Benchmarks.Delivery;

/// <summary>What one path measured at one rate in <c>socket</c>; all "per" figures are per delivered message.</summary>
internal sealed record SocketPhaseResult(
    string Path,
    int TargetRate,
    long Deliveries,
    double DeliveredPerSecond,
    double CpuMicroseconds,
    double AllocatedBytes,
    double ThreadPoolItems,
    double DeliveriesPerWrite,
    double LockContentions,
    int Gen0,
    int Gen1,
    int Gen2);
