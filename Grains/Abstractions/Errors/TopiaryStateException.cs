namespace Topiary.Errors;

/// <summary>Raised for the state of the target forbids the operation (2xxx).</summary>
public sealed class TopiaryStateException(ErrorEnvelope error) : TopiaryException(error);
