using Topiary.Runtime;

namespace Topiary.Security;

/// <summary>
/// The system authentication store (spec/security.md §3), one per deployment, key
/// <see cref="SystemAuthenticationGrain.Key"/>: principals with password hashes and roles,
/// locking, the anonymous policy and trust rules for client-proposed properties. Scripts are
/// serialised by the grain's mailbox (SEC-81) and applied whole or not at all (SEC-14).
/// </summary>
public interface ISystemAuthenticationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the SEC-70 defaults when the store is empty, and never again. Returns the
    /// generated <c>admin</c> password when one was generated (so the host shows it once), else null.
    /// </summary>
    Task<string?> EnsureDefaultsAsync(AuthenticationDefaults defaults);

    /// <summary>
    /// The store's answer for a handshake (SEC-6): the anonymous policy for <c>""</c>; ALLOW with
    /// roles or DENY for a known principal; ABSTAIN for an unknown one, after verifying a dummy
    /// hash so the time taken does not tell whether the principal exists (SEC-5).
    /// </summary>
    Task<AuthenticationResult> AuthenticateAsync(string principal, string password);

    /// <summary>The snapshot of SEC-10 (never a password hash).</summary>
    Task<AuthenticationSnapshot> GetSnapshotAsync();

    /// <summary>
    /// Applies a script (SEC-13) atomically, records it in the audit log for <paramref name="author"/>
    /// and publishes the change. Fails with INVALID_SCRIPT (nothing changed), or CONFLICT when
    /// <paramref name="ifVersion"/> is given and differs from the store's version (SEC-81). Returns the new version.
    /// </summary>
    Task<long> UpdateAsync(string script, long? ifVersion, ScriptAuthor author);

    /// <summary>The audit log of this store, oldest first (SEC-82).</summary>
    Task<List<AuditEntry>> GetAuditAsync();
}
