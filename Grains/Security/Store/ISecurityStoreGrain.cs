using Topiary.Runtime;

namespace Topiary.Security;

/// <summary>
/// The security store (spec/security.md §5), one per deployment, key <see cref="SecurityStoreGrain.Key"/>:
/// roles with their permissions and inclusions, isolated paths, and the roles every anonymous or
/// named session gets. Scripts are serialised by the grain's mailbox (SEC-81) and applied whole
/// or not at all (SEC-14); each committed script is announced on <see cref="SecurityChannel.Name"/>.
/// </summary>
public interface ISecurityStoreGrain : IGrainWithStringKey
{
    /// <summary>Creates the SEC-70 defaults when the store is empty, and never again.</summary>
    Task EnsureDefaultsAsync();

    /// <summary>The snapshot of SEC-30; gateways compile it (<see cref="CompiledSecurity"/>) and evaluate locally (SEC-45).</summary>
    Task<SecurityState> GetSnapshotAsync();

    /// <summary>
    /// Applies a script (SEC-32) atomically, records it in the audit log for <paramref name="author"/>
    /// and publishes the change. Fails with INVALID_SCRIPT (nothing changed), or CONFLICT when
    /// <paramref name="ifVersion"/> is given and differs from the store's version (SEC-81). Returns the new version.
    /// </summary>
    Task<long> UpdateAsync(string script, long? ifVersion, ScriptAuthor author);

    /// <summary>The audit log of this store, oldest first (SEC-82).</summary>
    Task<List<AuditEntry>> GetAuditAsync();
}
