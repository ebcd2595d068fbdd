using System.Text.Json;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Sessions;
using Topiary.Runtime;
using Topiary.Security;
using Topiary.Security.Scripts;

namespace Topiary.Gateway.Security;

/// <summary>
/// The <c>security.*</c> requests of docs/protocol.md §3.3: reading either store needs
/// VIEW_SECURITY; updating needs MODIFY_SECURITY, except a session changing its own password
/// (SEC-11). After a security store update the local copy is reloaded and sessions re-evaluated
/// before the answer, so the caller's next operation sees the new rules (SEC-61).
/// </summary>
internal sealed class SecurityOperations(IGrainFactory grains, GatewayAuthorizer authorizer, SecurityFollower follower)
{
    public async Task GetSystemAuthenticationAsync(ClientSession session, ProtocolRequest request)
    {
        authorizer.Demand(session, GlobalPermissions.ViewSecurity);
        var snapshot = await grains.GetGrain<ISystemAuthenticationGrain>(SystemAuthenticationGrain.Key).GetSnapshotAsync();
        var writer = Responses.Start(request.Id);
        SecurityJson.Write(writer, snapshot);
        session.SendText(Responses.Finish());
    }

    public async Task GetSecurityAsync(ClientSession session, ProtocolRequest request)
    {
        authorizer.Demand(session, GlobalPermissions.ViewSecurity);
        var snapshot = await grains.GetGrain<ISecurityStoreGrain>(SecurityStoreGrain.Key).GetSnapshotAsync();
        var writer = Responses.Start(request.Id);
        SecurityJson.Write(writer, snapshot);
        session.SendText(Responses.Finish());
    }

    public async Task UpdateAuthenticationStoreAsync(ClientSession session, ProtocolRequest request)
    {
        var (script, ifVersion) = ReadScript(request.Args, StructuredScript.ForAuthentication);
        // Parsed here too (the store parses again): bad input is reported before permissions, and SEC-11 needs the commands.
        var commands = AuthenticationScriptParser.Parse(script);
        if (!IsOwnPasswordChange(commands, session.Principal))
        {
            authorizer.Demand(session, GlobalPermissions.ModifySecurity);
        }
        var version = await grains.GetGrain<ISystemAuthenticationGrain>(SystemAuthenticationGrain.Key).UpdateAsync(script, ifVersion, Author(session));
        Answer(session, request.Id, version);
    }

    public async Task UpdateSecurityStoreAsync(ClientSession session, ProtocolRequest request)
    {
        var (script, ifVersion) = ReadScript(request.Args, StructuredScript.ForSecurity);
        SecurityScriptParser.Parse(script);
        authorizer.Demand(session, GlobalPermissions.ModifySecurity);
        var version = await grains.GetGrain<ISecurityStoreGrain>(SecurityStoreGrain.Key).UpdateAsync(script, ifVersion, Author(session));
        await follower.RefreshAsync();
        Answer(session, request.Id, version);
    }

    public async Task GetAuditLogAsync(ClientSession session, ProtocolRequest request)
    {
        authorizer.Demand(session, GlobalPermissions.ViewSecurity);
        var entries = await grains.GetGrain<ISystemAuthenticationGrain>(SystemAuthenticationGrain.Key).GetAuditAsync();
        entries.AddRange(await grains.GetGrain<ISecurityStoreGrain>(SecurityStoreGrain.Key).GetAuditAsync());
        var writer = Responses.Start(request.Id);
        SecurityJson.Write(writer, entries.OrderBy(entry => entry.Time));
        session.SendText(Responses.Finish());
    }

    /// <summary>SEC-11: exactly <c>verify password P …</c> then <c>set password P …</c>, P being the session's own principal.</summary>
    public static bool IsOwnPasswordChange(IReadOnlyList<ScriptCommand> commands, string principal) =>
        principal.Length > 0
        && commands is [{ Verb: ScriptVerb.VerifyPassword } verify, { Verb: ScriptVerb.SetPassword } set]
        && verify.Text(0) == principal && set.Text(0) == principal;

    private static ScriptAuthor Author(ClientSession session) => new(session.Principal, session.Id);

    // Either "script" (text) or "commands" (the structured form, SEC-15), not both.
    private static (string Script, long? IfVersion) ReadScript(JsonElement args, Func<JsonElement, string> structured)
    {
        var ifVersion = args.OptionalInt("ifVersion", 0, int.MaxValue);
        if (!args.TryGet("commands", out var commands))
        {
            return (args.RequiredString("script", "the script text, or 'commands' (docs/security.md)"), ifVersion);
        }
        if (args.TryGet("script", out _))
        {
            throw ProtocolErrors.InvalidArgument("commands", "CONFLICTING", "give either 'script' or 'commands', not both");
        }
        return (structured(commands), ifVersion);
    }

    private static void Answer(ClientSession session, long id, long version)
    {
        var writer = Responses.Start(id);
        writer.WriteStartObject();
        writer.WriteNumber("version", version);
        writer.WriteEndObject();
        session.SendText(Responses.Finish());
    }
}
