using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Topiary.Errors;
using Topiary.Gateway.Hosting;
using Topiary.Runtime;
using Topiary.Security;

namespace Topiary.Gateway.Security;

/// <summary>
/// Authenticates a handshake (spec/security.md §2): the failed-attempt limit first (SES-91,
/// credentials unchecked when over it), then the chain — today the system authentication store
/// alone, where ABSTAIN (an unknown principal) means denied (SEC-5). Every failure gets the same
/// AUTHENTICATION_FAILED and is logged with principal and address, never the password (SEC-9).
/// The session's roles are the store's plus the security store's roles for anonymous or named
/// sessions (SEC-7).
/// </summary>
internal sealed partial class HandshakeAuthenticator(
    IGrainFactory grains,
    SecuritySnapshotHolder snapshots,
    AuthenticationRateLimiter limiter,
    IOptions<GatewayOptions> options,
    ILogger<HandshakeAuthenticator> logger)
{
    /// <summary>The assigned roles of the new session, or throws AUTHENTICATION_FAILED / RATE_LIMITED.</summary>
    public async Task<IReadOnlyList<string>> AuthenticateAsync(string principal, string? password, string address)
    {
        if (limiter.RetryAfter(address, principal) is { } wait)
        {
            LogLimited(logger, principal, address);
            var retryAfterMs = (long)Math.Ceiling(wait.TotalMilliseconds);
            throw TopiaryException.Create(ErrorCode.RateLimited,
                $"too many failed authentications; retry after {retryAfterMs} ms",
                new JsonObject
                {
                    ["retryAfterMs"] = retryAfterMs,
                    ["limit"] = $"{options.Value.Security.MaxFailuresPerAddress} per address, {options.Value.Security.MaxFailuresPerPrincipal} per principal, per {options.Value.Security.FailureWindowSeconds} s",
                });
        }
        var result = await grains.GetGrain<ISystemAuthenticationGrain>(SystemAuthenticationGrain.Key).AuthenticateAsync(principal, password ?? "");
        if (!result.Authenticated)
        {
            limiter.RecordFailure(address, principal);
            LogFailed(logger, principal, address);
            throw TopiaryException.Create(ErrorCode.AuthenticationFailed, "the principal or the password is not valid");
        }
        var current = snapshots.Current;
        var added = principal.Length == 0 ? current.RolesForAnonymousSessions : current.RolesForNamedSessions;
        return [.. result.Roles.Union(added, StringComparer.Ordinal)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication failed for principal '{Principal}' from {Address}")]
    private static partial void LogFailed(ILogger logger, string principal, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication refused without checking for principal '{Principal}' from {Address}: too many failures")]
    private static partial void LogLimited(ILogger logger, string principal, string address);
}
