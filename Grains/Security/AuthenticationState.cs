namespace Topiary.Security;

/// <summary>The stored system authentication store: principal name → password hash (never the password).</summary>
public sealed class AuthenticationState
{
    public Dictionary<string, string> PasswordHashes { get; set; } = new(StringComparer.Ordinal);
}
