using System.Globalization;
using Topiary.Client;
using Topiary.Topics;

namespace Topiary.Benchmarks.Load;

/// <summary>The set-up the end-to-end workloads share: non-persistent INT64 topics under one root, and subscribed raw sessions.</summary>
internal static class BenchmarkTopics
{
    private const int MaxAddsInFlight = 64;
    private const int ConnectParallelism = 16;

    /// <summary>
    /// Adds <paramref name="count"/> topics <c>root/t000000</c>, … (write-behind, so storage is off
    /// the update path), with the value 0 when <paramref name="withValues"/>, and returns their paths.
    /// Topic i goes through <c>sessions[i % n]</c>: a gateway handles one session's requests one at a
    /// time (UPD-4), so several sessions measure the server's rate rather than one session's round trip.
    /// </summary>
    public static async Task<string[]> AddAsync(IReadOnlyList<ITopiarySession> sessions, string root, int count, bool withValues = false)
    {
        var specification = TopicSpecification.Create(TopicType.Int64, new Dictionary<string, string> { ["PERSISTENT"] = "false" });
        var paths = new string[count];
        var inFlight = new Queue<Task>();
        for (var i = 0; i < count; i++)
        {
            paths[i] = string.Create(CultureInfo.InvariantCulture, $"{root}/t{i:D6}");
            if (inFlight.Count == MaxAddsInFlight)
            {
                await inFlight.Dequeue();
            }
            var session = sessions[i % sessions.Count];
            inFlight.Enqueue(withValues
                ? session.Topics.AddAndSetAsync(paths[i], specification, 0L)
                : session.Topics.AddAsync(paths[i], specification));
        }
        await Task.WhenAll(inFlight);
        return paths;
    }

    /// <summary>
    /// Opens <paramref name="sessions"/> anonymous raw sessions, each subscribed to <paramref name="selector"/>:
    /// native-protocol ones at <paramref name="endpoint"/> (<c>/topiary</c>), or with
    /// <paramref name="signalR"/> SignalR ones (the endpoint being <c>/topiary/hub</c>).
    /// </summary>
    public static async Task<LoadSubscriber[]> SubscribeAsync(Uri endpoint, string selector, int sessions, DeliveryStatistics statistics, bool signalR = false)
    {
        var subscribers = new LoadSubscriber[sessions];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await Parallel.ForAsync(0, sessions, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = timeout.Token },
            async (i, cancellationToken) => subscribers[i] = signalR
                ? await SignalRSubscriber.ConnectAsync(endpoint, selector, statistics, cancellationToken)
                : await RawSubscriber.ConnectAsync(endpoint, selector, statistics, cancellationToken));
        return subscribers;
    }
}
