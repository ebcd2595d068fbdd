using Topiary.Security.Scripts;

namespace Topiary.Security;

/// <summary>The bounded audit trail each store keeps in its own state, written in the same write as the change.</summary>
public static class AuditLog
{
    /// <summary>Entries kept per store; older ones are dropped first.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>Appends the entry for a committed script, dropping the oldest beyond <see cref="MaxEntries"/>.</summary>
    public static void Append(List<AuditEntry> log, SecurityStoreKind store, long version, ScriptAuthor author, DateTimeOffset time,
        string script, IReadOnlyList<ScriptCommand> commands)
    {
        log.Add(new AuditEntry(store, version, author.Principal, author.SessionId, time, ScriptRedaction.Redact(script, commands)));
        if (log.Count > MaxEntries)
        {
            log.RemoveRange(0, log.Count - MaxEntries);
        }
    }
}
