using System.Text.Json.Nodes;
using Topiary.Errors;
using Topiary.Gateway.Sessions;
using Topiary.Security;
using Topiary.Topics;

namespace Topiary.Gateway.Security;

/// <summary>
/// The one point where every operation asks whether a session holds a permission, evaluated
/// against this gateway's copy of the security store (spec/security.md §7). It is on the
/// delivery path (new topics, re-evaluation), so a session keeps its evaluated permissions until
/// the store's snapshot changes: a check is then a reference comparison and a few lookups.
/// </summary>
internal sealed class GatewayAuthorizer(SecuritySnapshotHolder snapshots)
{
    /// <summary>The session's permissions under the current snapshot (evaluated once per snapshot and role set).</summary>
    public RolePermissions PermissionsOf(ClientSession session)
    {
        var current = snapshots.Current;
        var grant = session.Grant;
        if (grant is null || !ReferenceEquals(grant.Source, current))
        {
            grant = new SessionGrant(current, current.For(session.Roles));
            session.Grant = grant;
        }
        return grant.Permissions;
    }

    /// <summary>
    /// Whether <paramref name="session"/> holds <paramref name="permission"/> on <paramref name="path"/>;
    /// <paramref name="topic"/> is the specification of the topic there, if one exists (its <c>OWNER</c> counts, SEC-43).
    /// </summary>
    public bool Allows(ClientSession session, PathPermissions permission, string path, TopicSpecification? topic = null) =>
        PermissionsOf(session).Has(permission, path, IsOwner(session, topic));

    /// <summary>Whether <paramref name="session"/> holds the global <paramref name="permission"/>.</summary>
    public bool Allows(ClientSession session, GlobalPermissions permission) => PermissionsOf(session).Has(permission);

    /// <summary>Whether the session may see the topic at <paramref name="path"/> (SEL-40: select, then read).</summary>
    public bool MayReceive(ClientSession session, string path, TopicSpecification? topic) =>
        Allows(session, PathPermissions.SelectTopic | PathPermissions.ReadTopic, path, topic);

    /// <summary>
    /// Throws PERMISSION_DENIED naming the permission and path when not allowed. Called before
    /// any grain is asked, so the answer is the same whether or not a topic exists there (SEC-41).
    /// </summary>
    public void Demand(ClientSession session, PathPermissions permission, string path, TopicSpecification? topic = null)
    {
        if (!Allows(session, permission, path, topic))
        {
            throw TopiaryException.Create(
                ErrorCode.PermissionDenied,
                $"the session lacks {permission.WireName()} on '{path}'",
                new JsonObject { ["permission"] = permission.WireName(), ["path"] = path });
        }
    }

    // A missing topic counts as one without OWNER (SEC-41); the anonymous principal owns nothing.
    private static bool IsOwner(ClientSession session, TopicSpecification? topic) =>
        topic?.OwnerPrincipal is { Length: > 0 } owner && owner == session.Principal;

    /// <summary>Throws PERMISSION_DENIED naming the global permission when not allowed.</summary>
    public void Demand(ClientSession session, GlobalPermissions permission)
    {
        if (!Allows(session, permission))
        {
            throw TopiaryException.Create(
                ErrorCode.PermissionDenied,
                $"the session lacks the global permission {permission.WireName()}",
                new JsonObject { ["permission"] = permission.WireName() });
        }
    }
}
