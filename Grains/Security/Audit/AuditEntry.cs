namespace Topiary.Security;

/// <summary>
/// One committed script (SEC-82): which store, the version it produced, who applied it from
/// which session and when, and the script with passwords replaced by <c>"***"</c>.
/// </summary>
public sealed record AuditEntry(SecurityStoreKind Store, long Version, string Principal, string SessionId, DateTimeOffset Time, string Script);
