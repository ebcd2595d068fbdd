using System.Diagnostics;
using Topiary.Runtime.Cluster.Leases;
using Topiary.Runtime.Storage;

namespace Topiary.Tests.Grains.Runtime.Cluster;

/// <summary>
/// A silo's work on the grain <c>counter/k</c> in an ownership race: claim it, read it, then increment it with fenced
/// writes. Every 400 ms of renewing is followed by 500 ms of writing without renewing (a stalled silo waking up), so the
/// lease moves to the other silo and this one becomes a deposed owner that still writes.
/// </summary>
internal static class IncrementingOwner
{
    public sealed record Result(string Silo, int Acknowledged, int Claims, int Fenced, int Conflicts);

    public static async Task<Result> RunAsync(ContendingSilo silo, TimeSpan phase, TimeSpan duration)
    {
        var (acknowledged, claims, fenced, conflicts) = (0, 0, 0, 0);
        GrainLease? lease = null;
        var (value, eTag) = (0, (string?)null);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var paused = (clock.Elapsed + phase).TotalMilliseconds % 900 >= 400;
            if (lease is null)
            {
                if (paused || (lease = await GrainOwnership.ClaimAsync(silo.Leases, silo.Store, "counter", "k", default)) is null)
                {
                    await Task.Delay(5);
                    continue;
                }
                claims++;
                var record = (await silo.Store.ReadAsync("counter", "k", default))!;
                (value, eTag) = (BitConverter.ToInt32(record.Data), record.ETag);
            }
            if (!paused && !await silo.Leases.RenewAsync(lease))
            {
                lease = null;
                continue;
            }
            try
            {
                eTag = await silo.Store.WriteAsync("counter", "k", BitConverter.GetBytes(value + 1), eTag, lease.FencingToken, default);
                value++;
                acknowledged++;
            }
            catch (StaleFencingTokenException)
            {
                fenced++;
                lease = null;
            }
            catch (InconsistentStateException)
            {
                conflicts++;
                lease = null;
            }
        }
        return new Result(silo.Name, acknowledged, claims, fenced, conflicts);
    }
}
