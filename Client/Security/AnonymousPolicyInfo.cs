namespace Topiary.Client.Security;

/// <summary>The anonymous policy: <c>ALLOW</c> (with <see cref="Roles"/>), <c>DENY</c> or <c>ABSTAIN</c>.</summary>
public sealed record AnonymousPolicyInfo(string Action, IReadOnlyList<string> Roles);
