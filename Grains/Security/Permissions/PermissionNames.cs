using System.Text;

namespace Topiary.Security;

/// <summary>
/// The wire names of permissions (<c>READ_TOPIC</c>, <c>VIEW_SECURITY</c>): derived from the
/// enum member names, so there is no hand-kept copy to drift. Parsing is case-insensitive (SEC-12).
/// </summary>
public static class PermissionNames
{
    private static readonly Dictionary<string, GlobalPermissions> s_global = Build<GlobalPermissions>();
    private static readonly Dictionary<string, PathPermissions> s_path = Build<PathPermissions>();

    /// <summary>Every global permission name, in declaration order.</summary>
    public static IReadOnlyCollection<string> GlobalNames => s_global.Keys;

    /// <summary>Every path permission name, in declaration order.</summary>
    public static IReadOnlyCollection<string> PathNames => s_path.Keys;

    public static bool TryParseGlobal(string name, out GlobalPermissions permission) => s_global.TryGetValue(name, out permission);

    public static bool TryParsePath(string name, out PathPermissions permission) => s_path.TryGetValue(name, out permission);

    /// <summary>The wire name of one permission, for example <c>MODIFY_SECURITY</c>.</summary>
    public static string WireName(this GlobalPermissions permission) => ToWireName(permission.ToString());

    /// <summary>The wire name of one permission, for example <c>READ_TOPIC</c>.</summary>
    public static string WireName(this PathPermissions permission) => ToWireName(permission.ToString());

    /// <summary>Parses stored names (written by this class, so known) into flags.</summary>
    public static GlobalPermissions ParseGlobal(IEnumerable<string> names) =>
        names.Aggregate(GlobalPermissions.None, (all, name) => all | s_global[name]);

    /// <summary>Parses stored names (written by this class, so known) into flags.</summary>
    public static PathPermissions ParsePath(IEnumerable<string> names) =>
        names.Aggregate(PathPermissions.None, (all, name) => all | s_path[name]);

    /// <summary>The wire names of the flags set in <paramref name="permissions"/>, in declaration order.</summary>
    public static List<string> Names(GlobalPermissions permissions) =>
        [.. s_global.Where(entry => (permissions & entry.Value) != 0).Select(entry => entry.Key)];

    /// <summary>The wire names of the flags set in <paramref name="permissions"/>, in declaration order.</summary>
    public static List<string> Names(PathPermissions permissions) =>
        [.. s_path.Where(entry => (permissions & entry.Value) != 0).Select(entry => entry.Key)];

    private static Dictionary<string, T> Build<T>()
        where T : struct, Enum
    {
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Enum.GetValues<T>())
        {
            var name = value.ToString();
            if (name is not ("None" or "All"))
            {
                map[ToWireName(name)] = value;
            }
        }
        return map;
    }

    // ReadTopicViews → READ_TOPIC_VIEWS
    private static string ToWireName(string memberName)
    {
        var builder = new StringBuilder(memberName.Length + 4);
        for (var i = 0; i < memberName.Length; i++)
        {
            if (i > 0 && char.IsUpper(memberName[i]))
            {
                builder.Append('_');
            }
            builder.Append(char.ToUpperInvariant(memberName[i]));
        }
        return builder.ToString();
    }
}
