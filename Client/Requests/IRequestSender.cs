using System.Text.Json;

namespace Topiary.Client.Requests;

/// <summary>Sends requests of the native protocol (§3) and completes them with their response.</summary>
internal interface IRequestSender
{
    /// <summary>
    /// Encodes and sends one request, then waits for its response. What fails before sending
    /// (validation by <paramref name="args"/>, size, closed session) is thrown by the call. Fails with the server's error
    /// (ERR-2 class), TIMEOUT after the request timeout, OUTCOME_UNKNOWN if the connection is
    /// lost in flight, SESSION_CLOSED if the session is closed, LIMIT_EXCEEDED if the message is
    /// too large; <paramref name="cancellationToken"/> abandons the wait (the request may still apply).
    /// </summary>
    Task<TResult> SendAsync<TArgs, TResult>(JsonEncodedText op, TArgs args, ResultParser<TResult> parser, CancellationToken cancellationToken)
        where TArgs : struct, IRequestArgs;
}
