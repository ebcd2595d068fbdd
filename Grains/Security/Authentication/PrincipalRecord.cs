namespace Topiary.Security;

/// <summary>One principal of the system authentication store.</summary>
public sealed class PrincipalRecord
{
    /// <summary><see cref="PasswordHash"/>'s encoding; never sent anywhere.</summary>
    public string PasswordHash { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    /// <summary>A locked principal cannot authenticate (SEC-18).</summary>
    public bool Locked { get; set; }
}
