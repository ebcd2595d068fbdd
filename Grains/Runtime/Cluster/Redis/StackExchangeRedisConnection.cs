using StackExchange.Redis;

namespace Topiary.Runtime.Cluster.Redis;

/// <summary>
/// <see cref="IRedisConnection"/> on one StackExchange.Redis 1.2.6 multiplexer. <c>abortConnect=false</c> is forced,
/// so the process starts (and reports Redis as unavailable) while Redis is down, and the multiplexer keeps
/// reconnecting in the background; it also restores its subscriptions after a reconnect.
/// </summary>
public sealed class StackExchangeRedisConnection : IRedisConnection
{
    private readonly ConnectionMultiplexer _multiplexer;
    private readonly IDatabase _database;

    private StackExchangeRedisConnection(ConnectionMultiplexer multiplexer)
    {
        _multiplexer = multiplexer;
        _database = multiplexer.GetDatabase();
        // Only the interactive link matters for re-registration; the subscription link restores itself.
        _multiplexer.ConnectionRestored += (_, args) =>
        {
            if (args.ConnectionType == ConnectionType.Interactive)
            {
                Reconnected?.Invoke(this, EventArgs.Empty);
            }
        };
    }

    /// <inheritdoc />
    public event EventHandler? Reconnected;

    /// <inheritdoc />
    public bool IsConnected => _multiplexer.IsConnected;

    /// <summary>Connects with a StackExchange.Redis configuration string (for example <c>redis:6379</c>); does not wait for Redis to be up.</summary>
    public static async Task<StackExchangeRedisConnection> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return new StackExchangeRedisConnection(await ConnectionMultiplexer.ConnectAsync(options));
    }

    /// <inheritdoc />
    public Task<bool> SetAsync(string key, string value, TimeSpan? expiry, bool onlyIfMissing) =>
        GuardAsync(() => _database.StringSetAsync(key, value, expiry, onlyIfMissing ? When.NotExists : When.Always));

    /// <inheritdoc />
    public Task<string?[]> GetAsync(IReadOnlyList<string> keys) => GuardAsync(async () =>
    {
        var values = await _database.StringGetAsync([.. keys.Select(k => (RedisKey)k)]);
        return values.Select(v => v.IsNull ? null : (string?)v).ToArray();
    });

    /// <inheritdoc />
    public Task<long> IncrementAsync(string key) => GuardAsync(() => _database.StringIncrementAsync(key));

    /// <inheritdoc />
    public Task<long> EvaluateAsync(string script, IReadOnlyList<string> keys, IReadOnlyList<string> arguments) => GuardAsync(async () =>
        (long)await _database.ScriptEvaluateAsync(script, [.. keys.Select(k => (RedisKey)k)], [.. arguments.Select(a => (RedisValue)a)]));

    /// <inheritdoc />
    public Task HashSetAsync(string key, string field, string value) => GuardAsync(() => _database.HashSetAsync(key, field, value));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(string key) => GuardAsync(async () =>
        (IReadOnlyDictionary<string, string>)(await _database.HashGetAllAsync(key)).ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal));

    /// <inheritdoc />
    public Task PublishAsync(string channel, string message) => GuardAsync(() => _multiplexer.GetSubscriber().PublishAsync(channel, message));

    /// <inheritdoc />
    public Task<IAsyncDisposable> SubscribeAsync(string channel, Action<string> handler) => GuardAsync<IAsyncDisposable>(async () =>
    {
        var subscriber = _multiplexer.GetSubscriber();
        Action<RedisChannel, RedisValue> callback = (_, message) => handler((string)message!);
        await subscriber.SubscribeAsync(channel, callback);
        return new Subscription(() => subscriber.UnsubscribeAsync(channel, callback));
    });

    /// <inheritdoc />
    public Task<TimeSpan> PingAsync() => GuardAsync(() => _database.PingAsync());

    public async ValueTask DisposeAsync()
    {
        await _multiplexer.CloseAsync(allowCommandsToComplete: false);
        _multiplexer.Dispose();
    }

    private static Task<bool> GuardAsync(Func<Task> command) => GuardAsync(async () =>
    {
        await command();
        return true;
    });

    // The library's exception types stay in here; callers see one neutral type.
    private static async Task<T> GuardAsync<T>(Func<Task<T>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception error) when (IsUnavailable(error))
        {
            throw new RedisUnavailableException($"Redis is not reachable: {error.Message}", error);
        }
    }

    // LOADING: a restarted Redis reading its data file refuses commands for a moment.
    private static bool IsUnavailable(Exception error) =>
        error is RedisConnectionException or TimeoutException
        || (error is RedisServerException && error.Message.StartsWith("LOADING", StringComparison.Ordinal));

    private sealed class Subscription(Func<Task> unsubscribe) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await unsubscribe();
            }
        }
    }
}
