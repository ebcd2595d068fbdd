using System.Text.Json.Nodes;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Client.Requests;

/// <summary>
/// The errors the SDK raises itself (ERR-34 local validation, ERR-22 timeouts, SES-72 lost
/// connections), built with the same envelope and exception classes as server errors.
/// </summary>
internal static class ClientErrors
{
    public static TopiaryException InvalidArgument(string argument, string reason, string message) =>
        TopiaryException.Create(ErrorCode.InvalidArgument, message, new JsonObject { ["argument"] = argument, ["reason"] = reason });

    /// <summary>Throws INVALID_ARGUMENT (reason NULL) when <paramref name="value"/> is null: ERR-10 treats a missing argument as invalid input.</summary>
    public static T NotNull<T>([System.Diagnostics.CodeAnalysis.NotNull] T? value, string argument)
        where T : class =>
        value ?? throw InvalidArgument(argument, "NULL", $"{argument} must not be null");

    public static TopiaryException UnsupportedValueType(Type type) =>
        InvalidArgument("T", "UNSUPPORTED_TYPE",
            $"values of type '{type}' are not supported; use string (STRING), long (INT64), double (DOUBLE), " +
            "byte[] or ReadOnlyMemory<byte> (BINARY), JsonValue or JsonElement (JSON), TopicValue or object (any type)");

    /// <summary>Reading a value of type <paramref name="expected"/> as <paramref name="actual"/> (sending uses <see cref="TopicValues.EnsureCompatible"/>).</summary>
    public static TopiaryException IncompatibleType(TopicType expected, TopicType actual) =>
        TopiaryException.Create(
            ErrorCode.IncompatibleType,
            $"a {expected.WireName()} value cannot be read as {actual.WireName()}",
            new JsonObject { ["expected"] = expected.WireName(), ["actual"] = actual.WireName() });

    public static TopiaryException SessionClosed(string closeReason) =>
        TopiaryException.Create(
            ErrorCode.SessionClosed,
            $"the session is closed ({closeReason}); open a new session",
            new JsonObject { ["closeReason"] = closeReason });

    public static TopiaryException Timeout(string op, TimeSpan timeout) =>
        TopiaryException.Create(
            ErrorCode.Timeout,
            $"no answer to '{op}' within {(long)timeout.TotalMilliseconds} ms; it may or may not have been applied",
            new JsonObject { ["timeoutMs"] = (long)timeout.TotalMilliseconds });

    public static TopiaryException OutcomeUnknown(string op, string reason) =>
        TopiaryException.Create(
            ErrorCode.OutcomeUnknown,
            $"the connection was lost with '{op}' in flight ({reason}); it may or may not have been applied",
            new JsonObject { ["reason"] = reason });

    public static TopiaryException MessageTooLarge(long maximum, long actual) =>
        TopiaryException.Create(
            ErrorCode.LimitExceeded,
            $"the request is {actual} bytes, more than the maximum message size of {maximum} bytes",
            new JsonObject { ["limit"] = "maxMessageSize", ["maximum"] = maximum });

    public static TopiaryException StreamOverflow(int capacity) =>
        TopiaryException.Create(
            ErrorCode.LimitExceeded,
            $"the consumer of the topic stream fell {capacity} events behind; the stream was removed — " +
            "consume faster, raise the capacity, or use AddStream",
            new JsonObject { ["limit"] = "streamCapacity", ["maximum"] = capacity });

    /// <summary>The gateway could not be reached or refused the WebSocket (ERR-10 RETRYABLE, reason UNREACHABLE).</summary>
    public static TopiaryException Unreachable(Uri endpoint, string cause) =>
        TopiaryException.Create(
            ErrorCode.Retryable,
            $"cannot open a session at {endpoint}: {cause}",
            new JsonObject { ["reason"] = "UNREACHABLE" });

    /// <summary>The server broke the protocol; reported as a defect (ERR-10 INTERNAL_ERROR).</summary>
    public static TopiaryException Protocol(string message) =>
        TopiaryException.Create(ErrorCode.InternalError, $"protocol violation by the server: {message}");
}
