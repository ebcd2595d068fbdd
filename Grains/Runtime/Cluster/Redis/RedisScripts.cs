namespace Topiary.Runtime.Cluster.Redis;

/// <summary>Lua scripts shared by the Redis providers; Redis runs each atomically.</summary>
internal static class RedisScripts
{
    /// <summary>Extends KEYS[1] to ARGV[2] ms only if it still holds ARGV[1] (this grant or incarnation); 1 if extended.</summary>
    public const string ExtendIfEqual =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

    /// <summary>Deletes KEYS[1] only if it still holds ARGV[1]; 1 if deleted.</summary>
    public const string DeleteIfEqual =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
}
