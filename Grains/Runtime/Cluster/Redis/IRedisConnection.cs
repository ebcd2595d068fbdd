namespace Topiary.Runtime.Cluster.Redis;

/// <summary>
/// The few Redis commands the cluster providers use (membership, leases), behind an interface so that the client
/// library can be swapped (StackExchange.Redis is held at 1.2.6 here, see docs/runtime.md). Every method sends one
/// command (or one Lua script, which Redis runs atomically) and fails with <see cref="RedisUnavailableException"/>
/// when Redis cannot be reached in time; whether a failed write was applied is then unknown.
/// </summary>
/// <remarks>
/// The connection reconnects on its own after Redis restarts or the network heals, and restores its
/// subscriptions; <see cref="Reconnected"/> tells users to re-assert what Redis may have lost.
/// </remarks>
public interface IRedisConnection : IAsyncDisposable
{
    /// <summary>Whether commands can be sent right now.</summary>
    bool IsConnected { get; }

    /// <summary>Raised (on a library thread) after the connection was lost and is back; Redis may have lost every key meanwhile.</summary>
    event EventHandler? Reconnected;

    /// <summary><c>SET key value [PX expiry] [NX]</c>; returns whether the value was set (false only with <paramref name="onlyIfMissing"/>).</summary>
    Task<bool> SetAsync(string key, string value, TimeSpan? expiry, bool onlyIfMissing);

    /// <summary><c>MGET</c>: the values of <paramref name="keys"/>, <c>null</c> for missing keys, in the same order.</summary>
    Task<string?[]> GetAsync(IReadOnlyList<string> keys);

    /// <summary><c>INCR key</c>: the incremented value (atomic; 1 for a missing key).</summary>
    Task<long> IncrementAsync(string key);

    /// <summary><c>EVAL</c> of a script that returns an integer; the script runs atomically.</summary>
    Task<long> EvaluateAsync(string script, IReadOnlyList<string> keys, IReadOnlyList<string> arguments);

    /// <summary><c>HSET key field value</c>.</summary>
    Task HashSetAsync(string key, string field, string value);

    /// <summary><c>HGETALL key</c>.</summary>
    Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(string key);

    /// <summary><c>PUBLISH</c>; at most once, to the subscribers connected at that moment.</summary>
    Task PublishAsync(string channel, string message);

    /// <summary>Subscribes <paramref name="handler"/> to <paramref name="channel"/> until the result is disposed; the handler must not block.</summary>
    Task<IAsyncDisposable> SubscribeAsync(string channel, Action<string> handler);

    /// <summary>The round trip of a <c>PING</c>.</summary>
    Task<TimeSpan> PingAsync();
}
