namespace Topiary.Security;

/// <summary>
/// The evaluated permissions of one role set under one store snapshot (spec/security.md §7):
/// global permissions are the union over the effective roles (SEC-42); a path's permissions come
/// from its most specific ancestor-or-self with an assignment for any effective role, stopping at
/// an isolated path, else from the default path permissions (SEC-43, SEC-44). Immutable and
/// thread-safe; an evaluation allocates nothing.
/// </summary>
public sealed class RolePermissions
{
    private readonly Dictionary<string, PathPermissions>.AlternateLookup<ReadOnlySpan<char>> _assignments;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _isolated;
    private readonly PathPermissions _defaultPath;

    internal RolePermissions(
        IReadOnlySet<string> effectiveRoles, GlobalPermissions global, PathPermissions defaultPath,
        Dictionary<string, PathPermissions> assignments, HashSet<string> isolated)
    {
        EffectiveRoles = effectiveRoles;
        Global = global;
        _defaultPath = defaultPath;
        _assignments = assignments.GetAlternateLookup<ReadOnlySpan<char>>();
        _isolated = isolated.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The assigned roles and every role they include, transitively (SEC-21).</summary>
    public IReadOnlySet<string> EffectiveRoles { get; }

    public GlobalPermissions Global { get; }

    /// <summary>Whether every flag of <paramref name="permission"/> is held globally.</summary>
    public bool Has(GlobalPermissions permission) => (Global & permission) == permission;

    /// <summary>What the <c>OWNER</c> of a topic holds there whatever its roles (SEC-43).</summary>
    public const PathPermissions OwnerPermissions = PathPermissions.ReadTopic | PathPermissions.UpdateTopic | PathPermissions.ModifyTopic;

    /// <summary>
    /// Whether every flag of <paramref name="permission"/> is held at <paramref name="path"/>;
    /// <paramref name="owned"/>: the path is a topic whose <c>OWNER</c> names the session's principal.
    /// </summary>
    public bool Has(PathPermissions permission, string path, bool owned = false) => (At(path, owned) & permission) == permission;

    /// <summary>The path permissions at <paramref name="path"/>, plus <see cref="OwnerPermissions"/> when <paramref name="owned"/>.</summary>
    public PathPermissions At(string path, bool owned) => owned ? At(path) | OwnerPermissions : At(path);

    /// <summary>The path permissions at <paramref name="path"/> (a topic path, or a lock name).</summary>
    public PathPermissions At(string path)
    {
        var candidate = path.AsSpan();
        while (candidate.Length > 0)
        {
            if (_assignments.TryGetValue(candidate, out var assigned))
            {
                return assigned;
            }
            if (_isolated.Contains(candidate))
            {
                return PathPermissions.None;
            }
            var slash = candidate.LastIndexOf('/');
            candidate = slash < 0 ? [] : candidate[..slash];
        }
        return _defaultPath;
    }
}
