namespace Topiary.Security;

/// <summary>
/// What a committed script changed, as published on <see cref="SecurityChannel.Name"/>: which
/// store, its new version, and for the authentication store the principals that became locked
/// (their sessions close, SEC-18). Members reload the security store's snapshot when its version
/// is newer than theirs; the payload stays small and carries no secrets.
/// </summary>
public sealed record SecurityChange(SecurityStoreKind Store, long Version, List<string> LockedPrincipals);
