using System.Text.Json;
using Topiary.Security;

namespace Topiary.Gateway.Security;

/// <summary>The JSON forms of the two store snapshots (spec/security.md SEC-10, SEC-30).</summary>
internal static class SecurityJson
{
    public static void Write(Utf8JsonWriter writer, AuthenticationSnapshot snapshot)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", snapshot.Version);
        writer.WriteStartArray("principals");
        foreach (var principal in snapshot.Principals)
        {
            writer.WriteStartObject();
            writer.WriteString("name", principal.Name);
            WriteList(writer, "roles", principal.Roles);
            writer.WriteBoolean("locked", principal.Locked);
            writer.WriteNull("lockingPrincipal");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartObject("anonymous");
        writer.WriteString("action", snapshot.Anonymous.Action.ToString().ToUpperInvariant());
        WriteList(writer, "roles", snapshot.Anonymous.Roles);
        writer.WriteEndObject();
        writer.WriteStartObject("trustedClientProposedProperties");
        foreach (var (key, rule) in snapshot.TrustedProperties.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(key);
            writer.WriteString("type", rule.Type);
            if (rule.Regex is { } regex)
            {
                writer.WriteString("regex", regex);
            }
            else
            {
                WriteList(writer, "values", rule.Values ?? []);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, SecurityState snapshot)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", snapshot.Version);
        WriteList(writer, "rolesForAnonymousSessions", snapshot.RolesForAnonymousSessions);
        WriteList(writer, "rolesForNamedSessions", snapshot.RolesForNamedSessions);
        writer.WriteStartArray("roles");
        foreach (var (name, role) in snapshot.Roles.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            WriteList(writer, "global", role.Global);
            WriteList(writer, "defaultPath", role.DefaultPath);
            writer.WriteStartObject("paths");
            foreach (var (path, permissions) in role.Paths.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                WriteList(writer, path, permissions);
            }
            writer.WriteEndObject();
            WriteList(writer, "includes", role.Includes);
            writer.WriteNull("lockingPrincipal");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        WriteList(writer, "isolatedPaths", snapshot.IsolatedPaths);
        writer.WriteEndObject();
    }

    /// <summary>The audit log (SEC-82): <c>{ "entries": [ { store, version, principal, sessionId, time, script } ] }</c>, time in Unix ms.</summary>
    public static void Write(Utf8JsonWriter writer, IEnumerable<AuditEntry> entries)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("entries");
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("store", entry.Store == SecurityStoreKind.Security ? "SECURITY" : "SYSTEM_AUTHENTICATION");
            writer.WriteNumber("version", entry.Version);
            writer.WriteString("principal", entry.Principal);
            writer.WriteString("sessionId", entry.SessionId);
            writer.WriteNumber("time", entry.Time.ToUnixTimeMilliseconds());
            writer.WriteString("script", entry.Script);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }
        writer.WriteEndArray();
    }
}
