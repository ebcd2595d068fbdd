using System.Text.Json;
using Topiary.Client.Protocol;
using Topiary.Errors;

namespace Topiary.Client.Requests;

/// <summary>
/// A request in flight, keyed by its id in the <see cref="RequestTable"/>. Completed exactly once:
/// by its response, its timeout, its caller's cancellation or the loss of the connection; later
/// attempts are ignored (so a late answer after a timeout does nothing, ERR-22).
/// </summary>
internal abstract class PendingRequest(long id, string op)
{
    public long Id { get; } = id;

    /// <summary>The operation name, for error messages.</summary>
    public string Op { get; } = op;

    /// <summary>The table the request is registered in; set by <see cref="RequestTable.Add"/>.</summary>
    public RequestTable? Owner { get; set; }

    /// <summary>Fires the timeout; owned by the <see cref="RequestTable"/>.</summary>
    public ITimer? Timer { get; set; }

    public CancellationTokenRegistration Cancellation { get; set; }

    /// <summary>Completes from a response message (<c>result</c> or <c>error</c>); runs on the receive loop.</summary>
    public abstract void Complete(JsonElement response);

    public abstract void Fail(Exception error);

    public abstract void Cancel(CancellationToken cancellationToken);

    /// <summary>Releases the timer and the cancellation callback; safe to call from either of them.</summary>
    public void Release()
    {
        Timer?.Dispose();
        Cancellation.Unregister();
    }
}

/// <summary>A <see cref="PendingRequest"/> whose result is read by a <see cref="ResultParser{TResult}"/>.</summary>
internal sealed class PendingRequest<TResult>(long id, string op, ResultParser<TResult> parser) : PendingRequest(id, op)
{
    // Continuations run asynchronously so user code never runs on (and never stalls) the receive loop.
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Task => _completion.Task;

    public override void Complete(JsonElement response)
    {
        try
        {
            if (response.TryGetProperty("error"u8, out var error))
            {
                _completion.TrySetException(TopiaryException.Create(ErrorEnvelopeReader.Read(error)));
            }
            else if (response.TryGetProperty("result"u8, out var result))
            {
                _completion.TrySetResult(parser(result));
            }
            else
            {
                _completion.TrySetException(ClientErrors.Protocol($"the response to '{Op}' has neither result nor error"));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or JsonException
            or OverflowException or TopiaryException)
        {
            // A malformed answer fails this request only; the session goes on.
            _completion.TrySetException(ClientErrors.Protocol($"the response to '{Op}' is malformed: {e.Message}"));
        }
    }

    public override void Fail(Exception error) => _completion.TrySetException(error);

    public override void Cancel(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
