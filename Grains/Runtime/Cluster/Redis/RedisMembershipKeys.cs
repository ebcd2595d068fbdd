namespace Topiary.Runtime.Cluster.Redis;

/// <summary>
/// The Redis layout of membership. Every key carries the hash tag <c>{clusterId}</c>, so the multi-key scripts stay
/// valid on a sharded Redis (all keys of one cluster land on one shard).
/// </summary>
/// <remarks>
/// <c>{id}:members</c> — hash, member name → incarnation: the index of names to look at.<br/>
/// <c>{id}:member:&lt;name&gt;</c> — string, the member's JSON record, with a PX expiry of <c>LivenessExpiry</c>: the liveness key.<br/>
/// <c>{id}:membership</c> — channel; a name is published on every join, leave or status change, to wake the readers.
/// </remarks>
internal sealed class RedisMembershipKeys(string clusterId)
{
    /// <summary>Replaces this incarnation's record (ARGV[1]) with ARGV[2], keeping the expiry ARGV[3]; 1 if it was still ours.</summary>
    public const string ReplaceScript =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0";

    /// <summary>Deletes the liveness key and the index entry (field ARGV[2]) only if the key holds this record (ARGV[1]).</summary>
    public const string LeaveScript =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) redis.call('HDEL', KEYS[2], ARGV[2]) return 1 end return 0";

    /// <summary>
    /// Drops the index entry ARGV[1] if its liveness key is gone. Atomic, so it cannot remove the entry of a member
    /// that registered again between a reader's look and this cleanup.
    /// </summary>
    public const string CleanupScript =
        "if redis.call('EXISTS', KEYS[1]) == 0 then return redis.call('HDEL', KEYS[2], ARGV[1]) end return 0";

    public string Index { get; } = "{" + clusterId + "}:members";

    public string Channel { get; } = "{" + clusterId + "}:membership";

    public string Member(string name) => "{" + clusterId + "}:member:" + name;
}
