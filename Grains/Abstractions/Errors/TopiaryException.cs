using System.Text.Json.Nodes;

namespace Topiary.Errors;

/// <summary>
/// Base of every error Topiary reports, on the server and in the SDKs. It carries the
/// envelope of spec/errors.md ERR-1; <see cref="Create(ErrorEnvelope)"/> picks the subclass
/// that ERR-2 names for the code's class.
/// </summary>
public class TopiaryException : Exception
{
    public TopiaryException(ErrorEnvelope error)
        : base(error.Message) => Error = error;

    public TopiaryException(ErrorEnvelope error, Exception? inner)
        : base(error.Message, inner) => Error = error;

    /// <summary>The envelope sent to clients.</summary>
    public ErrorEnvelope Error { get; }

    /// <summary>The error code.</summary>
    public ErrorCode Code => Error.ErrorCode;

    /// <summary>Creates the exception for <paramref name="code"/>; the message is prefixed with the code's name.</summary>
    public static TopiaryException Create(ErrorCode code, string message, JsonObject? details = null) =>
        Create(ErrorEnvelope.For(code, message, details));

    /// <summary>Creates the exception class ERR-2 assigns to the envelope's code.</summary>
    public static TopiaryException Create(ErrorEnvelope error)
    {
        var code = error.ErrorCode;
        if (code.IsOutcomeUnknown())
        {
            return new TopiaryOutcomeUnknownException(error);
        }
        return (int)code switch
        {
            >= 1000 and < 2000 => new TopiaryArgumentException(error),
            >= 2000 and < 3000 => new TopiaryStateException(error),
            >= 3000 and < 4000 => new TopiarySecurityException(error),
            >= 4000 and < 5000 => new TopiaryCapacityException(error),
            _ => new TopiaryTransientException(error),
        };
    }
}
