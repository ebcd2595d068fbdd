using System.Text.Json;
using Topiary.Client.Protocol;
using Topiary.Client.Requests;

namespace Topiary.Client.Security;

/// <summary><see cref="ISecurity"/> over an <see cref="IRequestSender"/> (docs/protocol.md §3.3).</summary>
internal sealed class SecurityClient(IRequestSender sender, string principal) : ISecurity
{
    public Task<SystemAuthenticationSnapshot> GetSystemAuthenticationAsync(CancellationToken cancellationToken = default) =>
        sender.SendAsync(WireNames.SecurityGetSystemAuthentication, new NoArgs(), SecurityReplies.ReadAuthentication, cancellationToken);

    public Task<long> UpdateAuthenticationStoreAsync(string script, long? ifVersion = null, CancellationToken cancellationToken = default) =>
        sender.SendAsync(WireNames.SecurityUpdateAuthenticationStore, new ScriptArgs(Checked(script), ifVersion), SecurityReplies.ReadVersion, cancellationToken);

    public Task<SecuritySnapshot> GetSecurityAsync(CancellationToken cancellationToken = default) =>
        sender.SendAsync(WireNames.SecurityGetSecurity, new NoArgs(), SecurityReplies.ReadSecurity, cancellationToken);

    public Task<long> UpdateSecurityStoreAsync(string script, long? ifVersion = null, CancellationToken cancellationToken = default) =>
        sender.SendAsync(WireNames.SecurityUpdateSecurityStore, new ScriptArgs(Checked(script), ifVersion), SecurityReplies.ReadVersion, cancellationToken);

    public Task<IReadOnlyList<AuditLogEntry>> GetAuditLogAsync(CancellationToken cancellationToken = default) =>
        sender.SendAsync(WireNames.SecurityGetAuditLog, new NoArgs(), SecurityReplies.ReadAuditLog, cancellationToken);

    public Task<long> ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentNullException.ThrowIfNull(newPassword);
        var name = SecurityScript.Quote(principal);
        var script = $"verify password {name} {SecurityScript.Quote(currentPassword)}\nset password {name} {SecurityScript.Quote(newPassword)}";
        return UpdateAuthenticationStoreAsync(script, null, cancellationToken);
    }

    private static string Checked(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script;
    }

    /// <summary><c>security.update*</c>: script and optional expected version.</summary>
    private readonly struct ScriptArgs(string script, long? ifVersion) : IRequestArgs
    {
        public void Write(Utf8JsonWriter writer)
        {
            writer.WriteString(WireNames.Script, script);
            if (ifVersion is { } version)
            {
                writer.WriteNumber(WireNames.IfVersion, version);
            }
        }
    }
}
