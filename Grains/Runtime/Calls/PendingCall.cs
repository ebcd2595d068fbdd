namespace Topiary.Runtime.Calls;

/// <summary>
/// A call waiting for its response: completed by the response, failed by an error response, the call
/// timeout or shutdown, whichever comes first (later outcomes are ignored).
/// </summary>
internal abstract class PendingCall
{
    /// <summary>When the call times out, as a <see cref="TimeProvider.GetTimestamp"/> value.</summary>
    public long Deadline { get; set; }

    /// <summary>Reads the result of a response; <c>null</c> when the method has none.</summary>
    public ValueCodec? ResultCodec { get; set; }

    /// <summary>For logs: <c>ICounterGrain.Add on counter/a</c>.</summary>
    public string Description { get; set; } = string.Empty;

    public abstract void Complete(object? result);

    public abstract void Fail(Exception exception);
}

/// <inheritdoc />
internal sealed class PendingCall<T> : PendingCall
{
    // Continuations must not run on the transport's receive thread (or inside another grain's turn).
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _completion.Task;

    public override void Complete(object? result) => _completion.TrySetResult((T)result!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
