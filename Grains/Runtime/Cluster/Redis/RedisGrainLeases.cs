using System.Globalization;
using Topiary.Runtime.Cluster.Leases;

namespace Topiary.Runtime.Cluster.Redis;

/// <summary>
/// <see cref="IGrainLeases"/> in Redis. A lease is the key <c>{id}:lease:&lt;grain&gt;</c> holding
/// <c>member|grant|token</c> with <c>PX LeaseExpiry</c>; acquiring is one script (exists? → <c>INCR</c> the cluster-wide
/// counter <c>{id}:fence</c>, lift it to the floor, <c>SET … PX</c>), so a grant and its token are atomic. One counter for
/// all grains keeps Redis small (no key per grain ever activated) and still makes every grain's tokens increase.
/// </summary>
public sealed class RedisGrainLeases(IRedisConnection redis, ClusterOptions options, TimeProvider? time = null) : IGrainLeases
{
    private const string AcquireScript =
        "if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end " +
        "local t = redis.call('INCR', KEYS[2]) " +
        "local floor = tonumber(ARGV[3]) " +
        "if t < floor then redis.call('SET', KEYS[2], floor) t = floor end " +
        "redis.call('SET', KEYS[1], ARGV[1] .. '|' .. t, 'PX', ARGV[2]) " +
        "return t";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly string _prefix = "{" + options.ClusterId + "}:";
    private readonly string _expiry = ((long)options.LeaseExpiry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public async Task<GrainLease?> TryAcquireAsync(string grainId, long minimumToken = 0)
    {
        var holder = options.MemberName + "|" + Guid.NewGuid().ToString("N");
        var sentAt = _time.GetTimestamp();
        var token = await redis.EvaluateAsync(AcquireScript, [LeaseKey(grainId), _prefix + "fence"],
            [holder, _expiry, Math.Max(1, minimumToken).ToString(CultureInfo.InvariantCulture)]);
        return token == 0
            ? null
            : new GrainLease(grainId, options.MemberName, token, holder + "|" + token.ToString(CultureInfo.InvariantCulture), sentAt);
    }

    /// <inheritdoc />
    public async Task<bool> RenewAsync(GrainLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var sentAt = _time.GetTimestamp();
        if (await redis.EvaluateAsync(RedisScripts.ExtendIfEqual, [LeaseKey(lease.GrainId)], [lease.Value, _expiry]) != 1)
        {
            return false;
        }
        lease.Renewed(sentAt);
        return true;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(GrainLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return redis.EvaluateAsync(RedisScripts.DeleteIfEqual, [LeaseKey(lease.GrainId)], [lease.Value]);
    }

    /// <inheritdoc />
    public async Task<string?> ReadOwnerAsync(string grainId)
    {
        var value = (await redis.GetAsync([LeaseKey(grainId)]))[0];
        return value?[..value.IndexOf('|', StringComparison.Ordinal)];
    }

    /// <inheritdoc />
    public bool MustStop(GrainLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return _time.GetElapsedTime(lease.LastRenewalSent) >= options.SelfFence;
    }

    private string LeaseKey(string grainId) => _prefix + "lease:" + grainId;
}
