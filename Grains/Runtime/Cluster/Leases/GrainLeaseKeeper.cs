using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Topiary.Runtime.Cluster.Redis;

namespace Topiary.Runtime.Cluster.Leases;

/// <summary>
/// Renews every lease this process holds each <see cref="ClusterOptions.LeaseRenew"/>. A lease found lost (expired or
/// taken) is dropped and reported through <see cref="Lost"/>; while the store is unreachable nothing is reported — the
/// holder stops by itself through <see cref="IGrainLeases.MustStop"/>.
/// </summary>
public sealed class GrainLeaseKeeper : IAsyncDisposable
{
    private readonly IGrainLeases _leases;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, GrainLease> _held = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    /// <summary>Starts renewing (the loop runs until disposed).</summary>
    public GrainLeaseKeeper(IGrainLeases leases, ClusterOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_leases, _logger) = (leases ?? throw new ArgumentNullException(nameof(leases)), logger ?? NullLogger.Instance);
        _loop = Task.Run(() => RenewLoopAsync(options.LeaseRenew, time ?? TimeProvider.System));
    }

    /// <summary>Raised once for each lease found lost; the grain must be deactivated without writing.</summary>
    public event EventHandler<GrainLease>? Lost;

    /// <summary>The leases being renewed.</summary>
    public ICollection<GrainLease> Held => _held.Values;

    /// <summary>Keeps <paramref name="lease"/> renewed until it is released or lost.</summary>
    public void Hold(GrainLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _held[lease.GrainId] = lease;
    }

    /// <summary>Stops renewing the lease and releases it at once.</summary>
    public async Task ReleaseAsync(GrainLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _held.TryRemove(new KeyValuePair<string, GrainLease>(lease.GrainId, lease));
        await _leases.ReleaseAsync(lease);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }

    private async Task RenewLoopAsync(TimeSpan period, TimeProvider time)
    {
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                foreach (var lease in _held.Values)
                {
                    await RenewAsync(lease);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed: stop renewing; the leases expire or were released.
        }
    }

    private async Task RenewAsync(GrainLease lease)
    {
        try
        {
            if (!await _leases.RenewAsync(lease) && _held.TryRemove(new KeyValuePair<string, GrainLease>(lease.GrainId, lease)))
            {
                ClusterLog.LeaseLost(_logger, lease.GrainId, lease.FencingToken);
                Lost?.Invoke(this, lease);
            }
        }
        catch (RedisUnavailableException error)
        {
            ClusterLog.LeaseNotRenewed(_logger, lease.GrainId, error.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Not renewing is safe (the holder self-fences); stopping the loop for every lease is not.
            ClusterLog.LoopFailed(_logger, error, "lease renewal", lease.Owner);
        }
    }
}
