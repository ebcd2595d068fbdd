using Topiary.Security;

namespace Topiary.Gateway.Security;

/// <summary>A session's evaluated permissions and the snapshot they were evaluated under (the authorizer's per-session cache).</summary>
internal sealed record SessionGrant(CompiledSecurity Source, RolePermissions Permissions);
