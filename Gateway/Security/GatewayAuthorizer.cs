using System.Text.Json.Nodes;
using Topiary.Errors;
using Topiary.Gateway.Sessions;

namespace Topiary.Gateway.Security;

/// <summary>
/// The one point where every operation asks whether a session holds a permission on a path.
/// Until the security store lands (spec/security.md) the rule is: the ADMINISTRATOR role may
/// do everything; every other session, anonymous included, may select and read topics but
/// not update or modify them.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
    Justification = "A DI service on purpose: the security release gives it the security store and keeps every caller unchanged.")]
internal sealed class GatewayAuthorizer
{
    /// <summary>Whether <paramref name="session"/> holds <paramref name="permission"/> on <paramref name="path"/>.</summary>
    public bool Allows(ClientSession session, Permission permission, string path) =>
        session.IsAdministrator || permission is Permission.SelectTopic or Permission.ReadTopic;

    /// <summary>Whether the session may see the topic at <paramref name="path"/> (SEL-40: select, then read).</summary>
    public bool MayReceive(ClientSession session, string path) =>
        Allows(session, Permission.SelectTopic, path) && Allows(session, Permission.ReadTopic, path);

    /// <summary>Throws PERMISSION_DENIED naming the permission and path when not allowed.</summary>
    public void Demand(ClientSession session, Permission permission, string path)
    {
        if (!Allows(session, permission, path))
        {
            throw TopiaryException.Create(
                ErrorCode.PermissionDenied,
                $"the session lacks {permission.WireName()} on '{path}'",
                new JsonObject { ["permission"] = permission.WireName(), ["path"] = path });
        }
    }
}
