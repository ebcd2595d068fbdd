using System.Text.Json;

namespace Topiary.Client.Security;

/// <summary>Readers of the <c>security.*</c> results (docs/protocol.md §3.3).</summary>
internal static class SecurityReplies
{
    public static long ReadVersion(JsonElement result) => result.GetProperty("version"u8).GetInt64();

    public static SystemAuthenticationSnapshot ReadAuthentication(JsonElement result)
    {
        var principals = result.GetProperty("principals"u8).EnumerateArray()
            .Select(item => new PrincipalInfo(Text(item, "name"), Strings(item, "roles"), item.GetProperty("locked"u8).GetBoolean()))
            .ToList();
        var anonymous = result.GetProperty("anonymous"u8);
        var rules = new Dictionary<string, ProposedPropertyRule>(StringComparer.Ordinal);
        foreach (var rule in result.GetProperty("trustedClientProposedProperties"u8).EnumerateObject())
        {
            rules[rule.Name] = new ProposedPropertyRule(
                Text(rule.Value, "type"),
                rule.Value.TryGetProperty("regex"u8, out var regex) ? regex.GetString() : null,
                rule.Value.TryGetProperty("values"u8, out _) ? Strings(rule.Value, "values") : null);
        }
        return new SystemAuthenticationSnapshot(
            result.GetProperty("version"u8).GetInt64(), principals,
            new AnonymousPolicyInfo(Text(anonymous, "action"), Strings(anonymous, "roles")), rules);
    }

    public static SecuritySnapshot ReadSecurity(JsonElement result)
    {
        var roles = result.GetProperty("roles"u8).EnumerateArray().Select(item =>
        {
            var paths = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var path in item.GetProperty("paths"u8).EnumerateObject())
            {
                paths[path.Name] = [.. path.Value.EnumerateArray().Select(permission => permission.GetString()!)];
            }
            return new RoleInfo(Text(item, "name"), Strings(item, "global"), Strings(item, "defaultPath"), paths, Strings(item, "includes"));
        }).ToList();
        return new SecuritySnapshot(
            result.GetProperty("version"u8).GetInt64(),
            Strings(result, "rolesForAnonymousSessions"),
            Strings(result, "rolesForNamedSessions"),
            roles,
            Strings(result, "isolatedPaths"));
    }

    public static IReadOnlyList<AuditLogEntry> ReadAuditLog(JsonElement result) =>
        [.. result.GetProperty("entries"u8).EnumerateArray().Select(entry => new AuditLogEntry(
            Text(entry, "store"),
            entry.GetProperty("version"u8).GetInt64(),
            Text(entry, "principal"),
            Text(entry, "sessionId"),
            DateTimeOffset.FromUnixTimeMilliseconds(entry.GetProperty("time"u8).GetInt64()),
            Text(entry, "script")))];

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static List<string> Strings(JsonElement element, string name) =>
        [.. element.GetProperty(name).EnumerateArray().Select(item => item.GetString()!)];
}
