namespace Topiary.Security;

/// <summary>
/// The security store (spec/security.md §5), stored and returned as one snapshot (SEC-30): it
/// holds no secrets. Replaced as a whole by each script, so a failed script leaves it untouched.
/// </summary>
public sealed class SecurityState
{
    /// <summary>Incremented by every successful script (SEC-14).</summary>
    public long Version { get; set; }

    /// <summary>Whether the SEC-70 defaults were created (they are never created twice).</summary>
    public bool Initialized { get; set; }

    public List<string> RolesForAnonymousSessions { get; set; } = [];

    public List<string> RolesForNamedSessions { get; set; } = [];

    public Dictionary<string, RoleRecord> Roles { get; set; } = new(StringComparer.Ordinal);

    public List<string> IsolatedPaths { get; set; } = [];

    /// <summary>The latest committed scripts, passwords redacted (SEC-82); never part of a snapshot.</summary>
    public List<AuditEntry> Audit { get; set; } = [];
}
