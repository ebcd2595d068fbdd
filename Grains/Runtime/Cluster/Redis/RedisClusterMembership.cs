using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Topiary.Runtime.Cluster.Redis;

/// <summary>
/// <see cref="IClusterMembership"/> in Redis (layout in <see cref="RedisMembershipKeys"/>). Joining is <c>SET NX PX</c>
/// of the liveness key, so of two processes with one name exactly one registers; refreshing extends the key only
/// while it still holds this incarnation's record; the view is re-read every <see cref="ClusterOptions.LivenessRefresh"/>
/// and at once when a member publishes a change or the connection comes back.
/// </summary>
public sealed class RedisClusterMembership : IClusterMembership, IAsyncDisposable
{
    private readonly IRedisConnection _redis;
    private readonly ClusterOptions _options;
    private readonly ILogger _logger;
    private readonly RedisMembershipKeys _keys;
    private readonly RedisMemberRegistration _registration;
    private readonly RedisMembershipReader _reader;
    private readonly ClusterMember _initial;
    private readonly TimeProvider _time;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private IAsyncDisposable? _subscription;
    private Task _loops = Task.CompletedTask;

    /// <summary>Prepares the registration of this process; nothing is sent before <see cref="JoinAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">The options break CLU-2.</exception>
    public RedisClusterMembership(IRedisConnection redis, ClusterOptions options, MemberRole role, string endpoint, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_redis, _options, _time, _logger) = (redis, options, time ?? TimeProvider.System, logger ?? NullLogger.Instance);
        _keys = new RedisMembershipKeys(options.ClusterId);
        _registration = new RedisMemberRegistration(redis, _keys, options, _time, _logger);
        _reader = new RedisMembershipReader(redis, _keys, _logger);
        _reader.Changed += (_, view) => ClusterLog.ViewChanged(_logger, view.Members.Count, view);
        _initial = new ClusterMember(options.MemberName, role, endpoint, RedisMemberRegistration.NewIncarnation(), MemberStatus.Active, _time.GetUtcNow());
    }

    /// <inheritdoc />
    public event EventHandler<MembershipSnapshot>? Changed
    {
        add => _reader.Changed += value;
        remove => _reader.Changed -= value;
    }

    /// <inheritdoc />
    public ClusterMember Self => _registration.Self ?? _initial;

    /// <inheritdoc />
    public MembershipSnapshot View => _reader.Current;

    /// <inheritdoc />
    public TimeSpan SinceLastRefresh => _registration.SinceLastRefresh;

    /// <inheritdoc />
    public async Task JoinAsync(CancellationToken ct)
    {
        _subscription = await _redis.SubscribeAsync(_keys.Channel, _ => _wake.Writer.TryWrite(true));
        if (!await _registration.TryRegisterAsync(_initial))
        {
            var holder = (await _redis.GetAsync([_keys.Member(_initial.Name)]))[0];
            var endpoint = holder is null ? null : JsonSerializer.Deserialize(holder, ClusterJsonContext.Default.ClusterMember)?.Endpoint;
            await _subscription.DisposeAsync();
            throw MemberNameInUseException.For(_initial.Name, endpoint);
        }
        _redis.Reconnected += OnReconnected;
        ClusterLog.Joined(_logger, _options.ClusterId, _initial.Name, _initial.Role, _initial.Incarnation);
        await _reader.RefreshAsync(ct);
        _loops = Task.WhenAll(Task.Run(RefreshLoopAsync, CancellationToken.None), Task.Run(ViewLoopAsync, CancellationToken.None));
    }

    /// <inheritdoc />
    public async Task SetStatusAsync(MemberStatus status, CancellationToken ct)
    {
        await _registration.SetStatusAsync(status, ct);
        await _reader.RefreshAsync(ct);
    }

    /// <inheritdoc />
    public async Task LeaveAsync(CancellationToken ct)
    {
        await StopAsync();
        await _registration.RemoveAsync();
        ClusterLog.Left(_logger, _options.ClusterId, Self.Name);
    }

    /// <summary>Stops refreshing without leaving, as a crash would: the others see this member fail when its key expires.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
        _registration.Dispose();
        _reader.Dispose();
    }

    private async Task StopAsync()
    {
        _redis.Reconnected -= OnReconnected;
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }
        await _loops;
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
        }
    }

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.LivenessRefresh, _time);
        await RunUntilStoppedAsync("liveness refresh", async () =>
        {
            await timer.WaitForNextTickAsync(_stopping.Token);
            await _registration.RefreshAsync(_stopping.Token);
        });
    }

    private Task ViewLoopAsync() => RunUntilStoppedAsync("membership view", async () =>
    {
        // Wait for a notification or one refresh period, whichever comes first; a cancelled read leaves no waiter behind.
        using (var period = new CancellationTokenSource(_options.LivenessRefresh, _time))
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, period.Token))
        {
            try
            {
                await _wake.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (period.IsCancellationRequested && !_stopping.IsCancellationRequested)
            {
                // The period elapsed without a notification: re-read anyway, that is how expiries are seen.
            }
        }
        await _reader.RefreshAsync(_stopping.Token);
    });

    // Runs one step after another until stopped. A step failing for an unexpected reason is logged and the loop goes
    // on: a member that stopped refreshing would be declared failed by everyone.
    private async Task RunUntilStoppedAsync(string loop, Func<Task> step)
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await step();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                ClusterLog.LoopFailed(_logger, error, loop, Self.Name);
            }
        }
    }

    // After a reconnect Redis may have lost every key: re-assert the registration now, not at the next tick.
    private void OnReconnected(object? sender, EventArgs e)
    {
        _wake.Writer.TryWrite(true);
        _ = Task.Run(() => _registration.RefreshAsync(_stopping.Token));
    }
}
