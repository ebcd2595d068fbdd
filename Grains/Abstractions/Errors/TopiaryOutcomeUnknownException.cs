namespace Topiary.Errors;

/// <summary>Raised for a request that may or may not have been applied (TIMEOUT, OUTCOME_UNKNOWN, INTERNAL_ERROR).</summary>
public sealed class TopiaryOutcomeUnknownException(ErrorEnvelope error) : TopiaryException(error);
