namespace Topiary.Client.Security;

/// <summary>A principal of the system authentication store: its roles and whether it is locked.</summary>
public sealed record PrincipalInfo(string Name, IReadOnlyList<string> Roles, bool Locked);
