namespace Topiary.Security;

/// <summary>
/// The configuration read at the first start only (SEC-70): the <c>admin</c> password (or null to
/// generate one), the <c>control</c> password (or null for no such principal), and whether
/// anonymous sessions are allowed.
/// </summary>
public sealed record AuthenticationDefaults(string? AdminPassword, string? ControlPassword, bool AllowAnonymous);
