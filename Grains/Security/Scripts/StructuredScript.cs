using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Security.Scripts;

/// <summary>
/// The structured form of scripts (spec/security.md SEC-15): a JSON array of objects such as
/// <c>{"op":"addPrincipal","name":"ann","password":"…","roles":["CLIENT"]}</c>, each mapped one to
/// one to a script command and written one per line — so command <c>i</c> is line <c>i + 1</c> in
/// any INVALID_SCRIPT error, and values are always quoted, never spliced into the grammar.
/// </summary>
public static class StructuredScript
{
    // {s:x} a string member, {l:x} a list of strings, {p:x} a list of permission names.
    private static readonly Dictionary<string, string> s_authentication = new(StringComparer.Ordinal)
    {
        ["addPrincipal"] = "add principal {s:name} {s:password} {l:roles}",
        ["removePrincipal"] = "remove principal {s:name}",
        ["setPassword"] = "set password {s:name} {s:password}",
        ["verifyPassword"] = "verify password {s:name} {s:password}",
        ["assignRoles"] = "assign roles {s:name} {l:roles}",
        ["lockPrincipal"] = "lock principal {s:name}",
        ["unlockPrincipal"] = "unlock principal {s:name}",
        ["allowAnonymous"] = "allow anonymous connections {l:roles}",
        ["denyAnonymous"] = "deny anonymous connections",
        ["abstainAnonymous"] = "abstain anonymous connections",
        ["trustProposedProperty"] = "trust client proposed property {s:key} matches {s:regex}",
        ["trustProposedPropertyValues"] = "trust client proposed property {s:key} in {l:values}",
        ["ignoreProposedProperty"] = "ignore client proposed property {s:key}",
    };

    private static readonly Dictionary<string, string> s_security = new(StringComparer.Ordinal)
    {
        ["setRolesForAnonymousSessions"] = "set roles for anonymous sessions {l:roles}",
        ["setRolesForNamedSessions"] = "set roles for named sessions {l:roles}",
        ["setGlobalPermissions"] = "set {s:role} global permissions {p:permissions}",
        ["setDefaultPathPermissions"] = "set {s:role} default path permissions {p:permissions}",
        ["setPathPermissions"] = "set {s:role} path permissions at {s:path} {p:permissions}",
        ["removePathPermissions"] = "remove {s:role} path permissions at {s:path}",
        ["setIncludes"] = "set {s:role} includes {l:roles}",
        ["isolatePath"] = "isolate path {s:path}",
        ["deisolatePath"] = "deisolate path {s:path}",
    };

    /// <summary>The script text of an authentication store command array; INVALID_ARGUMENT naming the member when malformed.</summary>
    public static string ForAuthentication(JsonElement commands) => ToScript(commands, s_authentication);

    /// <summary>The script text of a security store command array; INVALID_ARGUMENT naming the member when malformed.</summary>
    public static string ForSecurity(JsonElement commands) => ToScript(commands, s_security);

    private static string ToScript(JsonElement commands, Dictionary<string, string> templates)
    {
        if (commands.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("commands", "WRONG_TYPE", "'commands' must be an array of command objects (docs/security.md)");
        }
        var script = new StringBuilder();
        var index = 0;
        foreach (var command in commands.EnumerateArray())
        {
            var where = $"commands[{index++}]";
            var op = command.ValueKind == JsonValueKind.Object && command.TryGetProperty("op", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString()! : throw Invalid(where, "MISSING", $"'{where}' must be an object with a string member 'op'");
            // One op name with either member, as SEC-15 writes it: "regex" or "values".
            if (op == "trustProposedProperty" && command.TryGetProperty("values", out _))
            {
                op = "trustProposedPropertyValues";
            }
            var template = templates.GetValueOrDefault(op)
                ?? throw Invalid($"{where}.op", "UNKNOWN_OPERATION", $"'{op}' is not a command of this store; allowed: {string.Join(", ", templates.Keys.Where(key => key != "trustProposedPropertyValues"))}");
            script.Append(Fill(template, command, where)).Append('\n');
        }
        return script.ToString();
    }

    private static string Fill(string template, JsonElement command, string where) =>
        string.Join(' ', template.Split(' ').Select(part => part.StartsWith('{') ? Value(part[1], part[3..^1], command, where) : part));

    private static string Value(char kind, string member, JsonElement command, string where)
    {
        if (!command.TryGetProperty(member, out var value))
        {
            throw Invalid($"{where}.{member}", "MISSING", $"'{where}' needs the member '{member}'");
        }
        if (kind == 's')
        {
            return value.ValueKind == JsonValueKind.String ? Quote(value.GetString()!) : throw Invalid($"{where}.{member}", "WRONG_TYPE", $"'{where}.{member}' must be a string");
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            throw Invalid($"{where}.{member}", "WRONG_TYPE", $"'{where}.{member}' must be an array of strings");
        }
        var items = value.EnumerateArray().Select(item => item.GetString()!).ToList();
        if (kind == 'p' && items.FirstOrDefault(item => item.Length == 0 || !item.All(c => char.IsAsciiLetter(c) || c == '_')) is { } bad)
        {
            throw Invalid($"{where}.{member}", "UNKNOWN_PERMISSION", $"'{bad}' is not a permission name");
        }
        return "[" + string.Join(", ", kind == 'p' ? items : items.Select(Quote)) + "]";
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static TopiaryException Invalid(string argument, string reason, string message) =>
        TopiaryException.Create(ErrorCode.InvalidArgument, message, new JsonObject { ["argument"] = argument, ["reason"] = reason });
}
