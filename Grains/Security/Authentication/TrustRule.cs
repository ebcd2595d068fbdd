namespace Topiary.Security;

/// <summary>
/// Which values of a client-proposed property are kept (SEC-17): <see cref="Regex"/> fully
/// matching, or equality with one of <see cref="Values"/>. Exactly one of the two is set.
/// </summary>
public sealed record TrustRule(string? Regex, List<string>? Values)
{
    /// <summary><c>REGEX</c> or <c>VALUES</c>, as the snapshot shows it (SEC-10).</summary>
    public string Type => Regex is null ? "VALUES" : "REGEX";
}
