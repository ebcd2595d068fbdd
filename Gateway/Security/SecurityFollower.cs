using System.Text.Json;
using Topiary.Gateway.Sessions;
using Topiary.Runtime;
using Topiary.Runtime.Messaging;
using Topiary.Security;
using Topiary.Serialization;

namespace Topiary.Gateway.Security;

/// <summary>
/// Keeps this gateway's copy of the security store current and applies store changes to live
/// sessions (SEC-60): it follows <see cref="SecurityChannel.Name"/> on the message bus — in-process
/// in standalone mode, Redis pub/sub in a cluster, so every gateway hears every commit — reloads
/// the snapshot when the security store's version grows, then re-evaluates the sessions; for
/// principals that became locked it closes their sessions with reason <c>REVOKED</c> (SEC-18).
/// </summary>
internal sealed partial class SecurityFollower(
    IMessageBus bus,
    IGrainFactory grains,
    SecuritySnapshotHolder snapshots,
    SessionReevaluator reevaluator,
    SessionRegistry sessions,
    ILogger<SecurityFollower> logger) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IDisposable? _subscription;

    /// <summary>Subscribes first, then loads: a change committed in between is not missed.</summary>
    public async Task InitializeAsync()
    {
        _subscription = bus.Subscribe(SecurityChannel.Name, OnChange);
        await RefreshAsync();
    }

    /// <summary>Loads the security store's snapshot and, if it is newer, re-evaluates every session. One at a time.</summary>
    public async Task RefreshAsync()
    {
        await _refresh.WaitAsync();
        try
        {
            var snapshot = await grains.GetGrain<ISecurityStoreGrain>(SecurityStoreGrain.Key).GetSnapshotAsync();
            if (snapshots.TryReplace(snapshot))
            {
                LogLoaded(logger, snapshot.Version);
                await reevaluator.ReevaluateAsync();
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _refresh.Dispose();
    }

    private void OnChange(string channel, ReadOnlyMemory<byte> payload)
    {
        var change = JsonSerializer.Deserialize(payload.Span, GrainsJsonContext.Default.SecurityChange);
        if (change is null)
        {
            return;
        }
        foreach (var principal in change.LockedPrincipals)
        {
            CloseSessionsOf(principal);
        }
        if (change.Store == SecurityStoreKind.Security && change.Version > snapshots.Current.Version)
        {
            // Off the bus's delivery thread: the reload calls the store grain, which may be publishing this very message.
            _ = Task.Run(RefreshLoggedAsync);
        }
    }

    private async Task RefreshLoggedAsync()
    {
        try
        {
            await RefreshAsync();
        }
        catch (Exception exception)
        {
            // The next change, or the next update through this gateway, reloads again.
            LogRefreshFailed(logger, exception);
        }
    }

    private void CloseSessionsOf(string principal)
    {
        foreach (var session in sessions.All)
        {
            if (session.Principal == principal)
            {
                LogRevoked(logger, session.Id, principal);
                session.Close("REVOKED", "the session's principal was locked");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Security store version {Version} loaded")]
    private static partial void LogLoaded(ILogger logger, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the security store failed; sessions keep the previous rules until the next change")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} closed: principal {Principal} was locked")]
    private static partial void LogRevoked(ILogger logger, string sessionId, string principal);
}
