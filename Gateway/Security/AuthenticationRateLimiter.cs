using Microsoft.Extensions.Options;
using Topiary.Gateway.Hosting;

namespace Topiary.Gateway.Security;

/// <summary>
/// Counts failed authentications per client address and per principal name over a sliding
/// window (sessions.md SES-91; limits in <see cref="GatewayOptions.SecuritySection"/>). Once a
/// count reaches its limit, handshakes from that address or for that principal are refused
/// without checking credentials until the oldest failure leaves the window. Per gateway: a
/// cluster multiplies the principal limit by its gateway count (docs/security.md). Thread-safe.
/// </summary>
internal sealed class AuthenticationRateLimiter(TimeProvider time, IOptions<GatewayOptions> options)
{
    // Above this many tracked keys every call sweeps expired ones, so the table stays bounded.
    private const int SweepThreshold = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<long>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string address, string principal)
    {
        var security = options.Value.Security;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var byAddress = Wait(AddressKey(address), security.MaxFailuresPerAddress, now);
            var byPrincipal = principal.Length == 0 ? null : Wait(PrincipalKey(principal), security.MaxFailuresPerPrincipal, now);
            // Both limits apply: the caller waits for the later of the two to clear.
            return byPrincipal is null || byAddress > byPrincipal ? byAddress : byPrincipal;
        }
    }

    /// <summary>Records one failure for the address and (unless anonymous) the principal.</summary>
    public void RecordFailure(string address, string principal)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            Add(AddressKey(address), now);
            if (principal.Length > 0)
            {
                Add(PrincipalKey(principal), now);
            }
            if (_failures.Count > SweepThreshold)
            {
                foreach (var key in _failures.Keys.ToList())
                {
                    Prune(key, now);
                }
            }
        }
    }

    private TimeSpan Window => TimeSpan.FromSeconds(options.Value.Security.FailureWindowSeconds);

    private TimeSpan? Wait(string key, int limit, long now)
    {
        var queue = Prune(key, now);
        if (queue is null || queue.Count < limit)
        {
            return null;
        }
        var remaining = Window - time.GetElapsedTime(queue.Peek(), now);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1);
    }

    private void Add(string key, long now)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            queue = new Queue<long>();
            _failures[key] = queue;
        }
        queue.Enqueue(now);
    }

    private Queue<long>? Prune(string key, long now)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            return null;
        }
        while (queue.Count > 0 && time.GetElapsedTime(queue.Peek(), now) >= Window)
        {
            queue.Dequeue();
        }
        if (queue.Count == 0)
        {
            _failures.Remove(key);
            return null;
        }
        return queue;
    }

    private static string AddressKey(string address) => "a:" + address;

    private static string PrincipalKey(string principal) => "p:" + principal;
}
