namespace Topiary.Errors;

/// <summary>Raised for a retryable cluster condition (retryable 5xxx).</summary>
public sealed class TopiaryTransientException(ErrorEnvelope error) : TopiaryException(error);
