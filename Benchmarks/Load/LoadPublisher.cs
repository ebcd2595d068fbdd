using System.Diagnostics;
using Topiary.Client;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// Sets INT64 topics round-robin at a steady rate through the real SDK, each value being the
/// <see cref="Stopwatch"/> timestamp of the call. Up to <see cref="MaxInFlight"/> calls are
/// outstanding, so a gateway that answers slowly lowers the rate rather than queueing without end.
/// The time from each call to its answer goes to <see cref="Acknowledgements"/> while
/// <see cref="DeliveryStatistics"/>' window is open, to tell a slow update path from a slow delivery.
/// </summary>
internal sealed class LoadPublisher(ITopiarySession session, string[] paths, double perSecond, DeliveryStatistics statistics)
{
    private const int MaxInFlight = 16;

    private long _published;
    private long _failed;

    public long Published => Volatile.Read(ref _published);

    public long Failed => Volatile.Read(ref _failed);

    public string? FirstError { get; private set; }

    public LatencyHistogram Acknowledgements { get; } = new();

    public async Task RunAsync(CancellationToken stop)
    {
        var pacer = new Pacer(perSecond);
        var inFlight = new Queue<(Task<long> Call, long Start)>();
        var next = 0;
        while (!stop.IsCancellationRequested)
        {
            for (var due = pacer.Due; Published < due;)
            {
                if (inFlight.Count >= MaxInFlight)
                {
                    await ObserveAsync(inFlight.Dequeue());
                }
                var start = Stopwatch.GetTimestamp();
                inFlight.Enqueue((session.Topics.SetAsync(paths[next], start, CancellationToken.None), start));
                next = (next + 1) % paths.Length;
                Interlocked.Increment(ref _published);
            }
            while (inFlight.Count > 0 && inFlight.Peek().Call.IsCompleted)
            {
                await ObserveAsync(inFlight.Dequeue());
            }
            await Task.Delay(1, CancellationToken.None);
        }
        while (inFlight.Count > 0)
        {
            await ObserveAsync(inFlight.Dequeue());
        }
    }

    private async Task ObserveAsync((Task<long> Call, long Start) call)
    {
        try
        {
            await call.Call;
            if (statistics.InWindow(call.Start))
            {
                Acknowledgements.Record((long)Stopwatch.GetElapsedTime(call.Start).TotalMicroseconds);
            }
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref _failed);
            FirstError ??= exception.Message;
        }
    }
}
