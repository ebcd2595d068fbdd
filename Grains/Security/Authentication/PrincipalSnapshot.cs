namespace Topiary.Security;

/// <summary>A principal as snapshots show it (SEC-10): never its password hash.</summary>
public sealed record PrincipalSnapshot(string Name, List<string> Roles, bool Locked);
