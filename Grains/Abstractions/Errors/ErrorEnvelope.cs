using System.Text.Json.Nodes;

namespace Topiary.Errors;

/// <summary>
/// The error envelope of spec/errors.md ERR-1, identical on every client API.
/// <see cref="Message"/> begins with <see cref="Name"/> and says what was wrong, where, and
/// what is allowed; it never carries stack traces, SQL or host names.
/// </summary>
public sealed record ErrorEnvelope(
    int Code,
    string Name,
    string Message,
    bool Retryable,
    string Outcome,
    JsonObject? Details,
    string? CorrelationId)
{
    /// <summary>The outcome of a request that had no effect.</summary>
    public const string NotApplied = "NOT_APPLIED";

    /// <summary>The outcome of a request that may or may not have been applied.</summary>
    public const string Unknown = "UNKNOWN";

    /// <summary>Builds the envelope for <paramref name="code"/>, prefixing the message with the code's name.</summary>
    public static ErrorEnvelope For(ErrorCode code, string message, JsonObject? details = null, string? correlationId = null)
    {
        var name = code.WireName();
        var text = message.StartsWith(name, StringComparison.Ordinal) ? message : $"{name}: {message}";
        return new ErrorEnvelope(
            (int)code,
            name,
            text,
            code.IsRetryable(),
            code.IsOutcomeUnknown() ? Unknown : NotApplied,
            details,
            correlationId);
    }

    /// <summary>The code as an enum value.</summary>
    public ErrorCode ErrorCode => Enum.IsDefined((ErrorCode)Code) ? (ErrorCode)Code : ErrorCode.InternalError;
}
