namespace Topiary.Client.Security;

/// <summary>
/// The system authentication store and the security store (docs/security.md). Reading needs
/// the global permission <c>VIEW_SECURITY</c>, updating <c>MODIFY_SECURITY</c> — except
/// <see cref="ChangePasswordAsync"/>, which any named session may use for its own principal.
/// </summary>
/// <remarks>
/// Updates are scripts applied atomically: all commands or none. A bad script fails with
/// <see cref="Topiary.Errors.TopiaryArgumentException"/> (INVALID_SCRIPT) whose details give
/// <c>line</c>, <c>column</c>, <c>commandIndex</c>, <c>reason</c> and, for syntax errors,
/// <c>expected</c>. With <c>ifVersion</c>, a store that moved on fails with CONFLICT.
/// </remarks>
public interface ISecurity
{
    /// <summary>The principals (without passwords), anonymous policy and trust rules.</summary>
    Task<SystemAuthenticationSnapshot> GetSystemAuthenticationAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies an authentication store script; returns the store's new version.</summary>
    Task<long> UpdateAuthenticationStoreAsync(string script, long? ifVersion = null, CancellationToken cancellationToken = default);

    /// <summary>The roles, their permissions and inclusions, isolated paths, and the roles every session gets.</summary>
    Task<SecuritySnapshot> GetSecurityAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies a security store script; returns the store's new version. Live sessions are re-evaluated before it returns.</summary>
    Task<long> UpdateSecurityStoreAsync(string script, long? ifVersion = null, CancellationToken cancellationToken = default);

    /// <summary>The scripts applied to both stores, oldest first, passwords replaced by <c>"***"</c> (the latest 1,000 per store).</summary>
    Task<IReadOnlyList<AuditLogEntry>> GetAuditLogAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes this session's own principal's password (needs no <c>MODIFY_SECURITY</c>): fails with
    /// INVALID_SCRIPT, reason <c>PASSWORD_MISMATCH</c>, when <paramref name="currentPassword"/> is wrong,
    /// and <c>PASSWORD_TOO_SHORT</c> when <paramref name="newPassword"/> has fewer than 8 characters.
    /// </summary>
    Task<long> ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default);
}
