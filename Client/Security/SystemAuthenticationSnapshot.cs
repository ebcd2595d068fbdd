namespace Topiary.Client.Security;

/// <summary>The system authentication store (spec/security.md SEC-10); never holds passwords or hashes.</summary>
/// <param name="Version">Grows by one with every script applied.</param>
/// <param name="Principals">In name order.</param>
/// <param name="Anonymous">What anonymous handshakes get.</param>
/// <param name="TrustedClientProposedProperties">Trust rules by property key.</param>
public sealed record SystemAuthenticationSnapshot(
    long Version,
    IReadOnlyList<PrincipalInfo> Principals,
    AnonymousPolicyInfo Anonymous,
    IReadOnlyDictionary<string, ProposedPropertyRule> TrustedClientProposedProperties);
