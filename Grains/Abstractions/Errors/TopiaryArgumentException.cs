namespace Topiary.Errors;

/// <summary>Raised for invalid input (1xxx).</summary>
public sealed class TopiaryArgumentException(ErrorEnvelope error) : TopiaryException(error);
