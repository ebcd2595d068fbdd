namespace Topiary.Errors;

/// <summary>Raised for a rate or size limit (4xxx).</summary>
public sealed class TopiaryCapacityException(ErrorEnvelope error) : TopiaryException(error);
