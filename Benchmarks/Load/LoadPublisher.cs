using System.Diagnostics;
using Topiary.Client;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// Sets INT64 topics round-robin at a steady rate through the real SDK, each value being the
/// <see cref="Stopwatch"/> timestamp of the call. Up to <see cref="MaxInFlight"/> calls are
/// outstanding, so a gateway that answers slowly lowers the rate rather than queueing without end.
/// </summary>
internal sealed class LoadPublisher(ITopiarySession session, string[] paths, double perSecond)
{
    private const int MaxInFlight = 16;

    private long _published;
    private long _failed;

    public long Published => Volatile.Read(ref _published);

    public long Failed => Volatile.Read(ref _failed);

    public string? FirstError { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        var pacer = new Pacer(perSecond);
        var inFlight = new Queue<Task<long>>();
        var next = 0;
        while (!stop.IsCancellationRequested)
        {
            for (var due = pacer.Due; Published < due;)
            {
                if (inFlight.Count >= MaxInFlight)
                {
                    await ObserveAsync(inFlight.Dequeue());
                }
                inFlight.Enqueue(session.Topics.SetAsync(paths[next], Stopwatch.GetTimestamp(), CancellationToken.None));
                next = (next + 1) % paths.Length;
                Interlocked.Increment(ref _published);
            }
            while (inFlight.Count > 0 && inFlight.Peek().IsCompleted)
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

    private async Task ObserveAsync(Task<long> call)
    {
        try
        {
            await call;
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref _failed);
            FirstError ??= exception.Message;
        }
    }
}
