using static Topiary.Security.GlobalPermissions;
using static Topiary.Security.PathPermissions;

namespace Topiary.Security;

/// <summary>The security store a deployment starts with (spec/security.md SEC-70).</summary>
public static class SecurityDefaults
{
    public static SecurityState Create()
    {
        var state = new SecurityState
        {
            Version = 1,
            Initialized = true,
            RolesForAnonymousSessions = [BuiltInRoles.Client],
            RolesForNamedSessions = [BuiltInRoles.Client],
        };
        Add(state, BuiltInRoles.Administrator, GlobalPermissions.All, PathPermissions.All);
        Add(state, BuiltInRoles.Operator, ViewSession | ViewServer | ViewSecurity | ReadTopicViews, SelectTopic | ReadTopic);
        Add(state, BuiltInRoles.TopicControl, RegisterHandler | ReadTopicViews | ModifyTopicViews,
            SelectTopic | ReadTopic | UpdateTopic | ModifyTopic | AcquireLock);
        Add(state, BuiltInRoles.ClientControl, ViewSession | ModifySession | RegisterHandler, SelectTopic);
        Add(state, BuiltInRoles.Client, GlobalPermissions.None, SelectTopic | ReadTopic);
        Add(state, BuiltInRoles.AuthenticationHandler, Authenticate | RegisterHandler, PathPermissions.None);
        return state;
    }

    private static void Add(SecurityState state, string role, GlobalPermissions global, PathPermissions defaultPath) =>
        state.Roles[role] = new RoleRecord { Global = PermissionNames.Names(global), DefaultPath = PermissionNames.Names(defaultPath) };
}
