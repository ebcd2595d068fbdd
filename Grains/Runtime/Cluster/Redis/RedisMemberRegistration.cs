using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Topiary.Runtime.Cluster.Redis;

/// <summary>
/// This process's own registration: its record and liveness key, refreshed only while the key still holds this
/// incarnation's record, and registered again as a new incarnation when it was lost. Writes are serialised.
/// </summary>
internal sealed class RedisMemberRegistration(IRedisConnection redis, RedisMembershipKeys keys, ClusterOptions options, TimeProvider time, ILogger logger)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _ttl = ((long)options.LivenessExpiry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
    private ClusterMember? _self;
    private string _selfJson = string.Empty;
    private long _lastRefreshSent;

    public ClusterMember? Self => Volatile.Read(ref _self);

    public TimeSpan SinceLastRefresh => time.GetElapsedTime(Volatile.Read(ref _lastRefreshSent));

    /// <summary>Registers <paramref name="member"/> if no live process holds its name; returns whether it did.</summary>
    public async Task<bool> TryRegisterAsync(ClusterMember member)
    {
        await _gate.WaitAsync();
        try
        {
            return await RegisterCoreAsync(member);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Extends the liveness key; registers again (new incarnation) if it was lost. Redis failures are logged.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = _self!;
            var sentAt = time.GetTimestamp();
            if (await redis.EvaluateAsync(RedisScripts.ExtendIfEqual, [keys.Member(current.Name)], [_selfJson, _ttl]) == 1)
            {
                Volatile.Write(ref _lastRefreshSent, sentAt);
                return;
            }
            // The key expired or Redis lost it: the others have seen (or will see) this member fail; come back as new.
            var again = current with { Incarnation = NewIncarnation(), JoinedAt = time.GetUtcNow() };
            if (await RegisterCoreAsync(again))
            {
                ClusterLog.Reregistered(logger, again.Name, again.Incarnation);
            }
            else
            {
                ClusterLog.NameTakenOver(logger, again.Name);
            }
        }
        catch (RedisUnavailableException error)
        {
            ClusterLog.RefreshFailed(logger, _self!.Name, error.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Changes the status; if the registration was lost meanwhile, the next refresh registers with it.</summary>
    public async Task SetStatusAsync(MemberStatus status, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var updated = _self! with { Status = status };
            var json = JsonSerializer.Serialize(updated, ClusterJsonContext.Default.ClusterMember);
            await redis.EvaluateAsync(RedisMembershipKeys.ReplaceScript, [keys.Member(updated.Name)], [_selfJson, json, _ttl]);
            (_self, _selfJson) = (updated, json);
            await redis.PublishAsync(keys.Channel, updated.Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes the registration if it is still this incarnation's, and tells the others.</summary>
    public async Task RemoveAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await redis.EvaluateAsync(RedisMembershipKeys.LeaveScript, [keys.Member(_self!.Name), keys.Index], [_selfJson, _self.Name]);
            await redis.PublishAsync(keys.Channel, _self.Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public static string NewIncarnation() => Guid.NewGuid().ToString("N");

    private async Task<bool> RegisterCoreAsync(ClusterMember member)
    {
        var json = JsonSerializer.Serialize(member, ClusterJsonContext.Default.ClusterMember);
        var sentAt = time.GetTimestamp();
        if (!await redis.SetAsync(keys.Member(member.Name), json, options.LivenessExpiry, onlyIfMissing: true))
        {
            return false;
        }
        (_self, _selfJson) = (member, json);
        Volatile.Write(ref _lastRefreshSent, sentAt);
        await redis.HashSetAsync(keys.Index, member.Name, member.Incarnation);
        await redis.PublishAsync(keys.Channel, member.Name);
        return true;
    }
}
