using System.Collections.Concurrent;

namespace Topiary.Security;

/// <summary>
/// A security store snapshot prepared for evaluation (SEC-45): immutable, shared by every
/// session of a gateway, with the evaluated permissions of each distinct role set cached, so a
/// check is a few dictionary lookups and never a remote call. A new snapshot replaces it whole.
/// </summary>
public sealed class CompiledSecurity
{
    private readonly Dictionary<string, RoleRecord> _roles;
    private readonly HashSet<string> _isolated;
    private readonly ConcurrentDictionary<string, RolePermissions> _byRoleSet = new(StringComparer.Ordinal);

    public CompiledSecurity(SecurityState snapshot)
    {
        Version = snapshot.Version;
        _roles = new Dictionary<string, RoleRecord>(snapshot.Roles, StringComparer.Ordinal);
        _isolated = new HashSet<string>(snapshot.IsolatedPaths, StringComparer.Ordinal);
        RolesForAnonymousSessions = [.. snapshot.RolesForAnonymousSessions];
        RolesForNamedSessions = [.. snapshot.RolesForNamedSessions];
    }

    /// <summary>The store version compiled; versions only grow (SEC-80).</summary>
    public long Version { get; }

    public IReadOnlyList<string> RolesForAnonymousSessions { get; }

    public IReadOnlyList<string> RolesForNamedSessions { get; }

    /// <summary>The permissions of a session whose assigned roles are <paramref name="assignedRoles"/>.</summary>
    public RolePermissions For(IReadOnlyCollection<string> assignedRoles)
    {
        var key = string.Join('\n', assignedRoles.Order(StringComparer.Ordinal).Distinct(StringComparer.Ordinal));
        return _byRoleSet.GetOrAdd(key, static (_, state) => state.Self.Compile(state.Roles), (Self: this, Roles: assignedRoles));
    }

    private RolePermissions Compile(IReadOnlyCollection<string> assignedRoles)
    {
        var effective = RoleGraph.Effective(_roles, assignedRoles);
        var global = GlobalPermissions.None;
        var defaultPath = PathPermissions.None;
        var assignments = new Dictionary<string, PathPermissions>(StringComparer.Ordinal);
        foreach (var name in effective)
        {
            if (!_roles.TryGetValue(name, out var role))
            {
                continue;
            }
            global |= PermissionNames.ParseGlobal(role.Global);
            defaultPath |= PermissionNames.ParsePath(role.DefaultPath);
            foreach (var (path, permissions) in role.Paths)
            {
                // An empty list is still an assignment: it stops inheritance (SEC-32, SEC-43).
                assignments[path] = assignments.GetValueOrDefault(path) | PermissionNames.ParsePath(permissions);
            }
        }
        return new RolePermissions(effective, global, defaultPath, assignments, _isolated);
    }
}
