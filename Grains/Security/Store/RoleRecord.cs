namespace Topiary.Security;

/// <summary>
/// One role of the security store (SEC-30): permission names in their wire form, path
/// assignments by path (an empty list is an assignment, SEC-32), and included roles.
/// </summary>
public sealed class RoleRecord
{
    public List<string> Global { get; set; } = [];

    public List<string> DefaultPath { get; set; } = [];

    public Dictionary<string, List<string>> Paths { get; set; } = new(StringComparer.Ordinal);

    public List<string> Includes { get; set; } = [];
}
