namespace Topiary.Security;

/// <summary>
/// The stored system authentication store (spec/security.md §3). Password hashes only, never
/// passwords. Replaced as a whole by each script, so a failed script leaves it untouched.
/// </summary>
public sealed class AuthenticationState
{
    /// <summary>Incremented by every successful script (SEC-14).</summary>
    public long Version { get; set; }

    /// <summary>Whether the SEC-70 defaults were created (they are never created twice).</summary>
    public bool Initialized { get; set; }

    public Dictionary<string, PrincipalRecord> Principals { get; set; } = new(StringComparer.Ordinal);

    public AnonymousPolicy Anonymous { get; set; } = new();

    /// <summary>Trust rules for client-proposed session properties, by key (SEC-17).</summary>
    public Dictionary<string, TrustRule> TrustedProperties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest committed scripts, passwords redacted (SEC-82); never part of a snapshot.</summary>
    public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>The first release's shape (admin only): read to migrate, never written.</summary>
    public Dictionary<string, string>? PasswordHashes { get; set; }
}
