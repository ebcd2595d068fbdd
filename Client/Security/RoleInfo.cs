namespace Topiary.Client.Security;

/// <summary>
/// A role: global permissions, default path permissions, path assignments (an empty list is an
/// assignment that withholds inherited permissions) and the roles it includes.
/// </summary>
public sealed record RoleInfo(
    string Name,
    IReadOnlyList<string> Global,
    IReadOnlyList<string> DefaultPath,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Paths,
    IReadOnlyList<string> Includes);
