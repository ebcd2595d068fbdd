using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Topiary.Runtime.Cluster.Redis;

/// <summary>
/// Reads the live members from Redis (the index, then every liveness key in one <c>MGET</c>), removes index entries
/// whose key has expired, and raises a change when the result differs from the last one. Calls are serialised.
/// </summary>
internal sealed class RedisMembershipReader(IRedisConnection redis, RedisMembershipKeys keys, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public MembershipSnapshot Current { get; private set; } = MembershipSnapshot.Empty;

    public event EventHandler<MembershipSnapshot>? Changed;

    /// <summary>Reads the view; on a Redis failure keeps the last view and returns false.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var index = await redis.HashGetAllAsync(keys.Index);
            var names = index.Keys.ToArray();
            var records = names.Length == 0 ? [] : await redis.GetAsync([.. names.Select(keys.Member)]);
            var live = new List<ClusterMember>(names.Length);
            for (var i = 0; i < names.Length; i++)
            {
                if (records[i] is null)
                {
                    await redis.EvaluateAsync(RedisMembershipKeys.CleanupScript, [keys.Member(names[i]), keys.Index], [names[i]]);
                }
                else if (Parse(names[i], records[i]!) is { } member)
                {
                    live.Add(member);
                }
            }
            var snapshot = new MembershipSnapshot(live);
            if (!snapshot.SameAs(Current))
            {
                Current = snapshot;
                Changed?.Invoke(this, snapshot);
            }
            return true;
        }
        catch (RedisUnavailableException error)
        {
            ClusterLog.ViewNotRead(logger, error.Message);
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private ClusterMember? Parse(string name, string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ClusterJsonContext.Default.ClusterMember);
        }
        catch (JsonException error)
        {
            // A record from an incompatible version: ignore it rather than fail the whole view.
            ClusterLog.MemberRecordUnreadable(logger, error, name);
            return null;
        }
    }
}
