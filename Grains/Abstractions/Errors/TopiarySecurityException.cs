namespace Topiary.Errors;

/// <summary>Raised for a permission or authentication failure (3xxx).</summary>
public sealed class TopiarySecurityException(ErrorEnvelope error) : TopiaryException(error);
