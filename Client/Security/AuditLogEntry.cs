namespace Topiary.Client.Security;

/// <summary>One applied script: the store (<c>SECURITY</c> or <c>SYSTEM_AUTHENTICATION</c>), the version it made, who, when, and the script with passwords replaced by <c>"***"</c>.</summary>
public sealed record AuditLogEntry(string Store, long Version, string Principal, string SessionId, DateTimeOffset Time, string Script);
