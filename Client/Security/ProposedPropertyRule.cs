namespace Topiary.Client.Security;

/// <summary>A trust rule for a client-proposed property: <c>REGEX</c> with <see cref="Regex"/>, or <c>VALUES</c> with <see cref="Values"/>.</summary>
public sealed record ProposedPropertyRule(string Type, string? Regex, IReadOnlyList<string>? Values);
