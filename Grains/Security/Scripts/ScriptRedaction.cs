using System.Text;

namespace Topiary.Security.Scripts;

/// <summary>A script as the audit log keeps it: every password replaced by <c>"***"</c> (SEC-82).</summary>
public static class ScriptRedaction
{
    /// <summary>The password placeholder.</summary>
    public const string Placeholder = "\"***\"";

    /// <summary><paramref name="script"/> with the password arguments of <paramref name="commands"/> (parsed from it) replaced.</summary>
    public static string Redact(string script, IReadOnlyList<ScriptCommand> commands)
    {
        var passwords = commands
            .Where(command => command.Verb is ScriptVerb.AddPrincipal or ScriptVerb.SetPassword or ScriptVerb.VerifyPassword)
            .Select(command => command.Arguments[1])
            .OrderBy(argument => argument.Offset);
        var redacted = new StringBuilder(script.Length);
        var copied = 0;
        foreach (var password in passwords)
        {
            redacted.Append(script, copied, password.Offset - copied).Append(Placeholder);
            copied = password.Offset + password.Length;
        }
        return redacted.Append(script, copied, script.Length - copied).ToString();
    }
}
