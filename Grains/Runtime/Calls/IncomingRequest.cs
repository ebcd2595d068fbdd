namespace Topiary.Runtime.Calls;

/// <summary>A decoded request waiting for its turn on a grain activation or observer.</summary>
internal sealed class IncomingRequest(
    long callId,
    string replyTo,
    long deadline,
    CallTarget target,
    MethodDescriptor method,
    object?[] arguments,
    CallChain? chain)
{
    public long CallId { get; } = callId;

    /// <summary>The address of the calling process.</summary>
    public string ReplyTo { get; } = replyTo;

    /// <summary>When the caller gives up, as a local <see cref="TimeProvider.GetTimestamp"/> value.</summary>
    public long Deadline { get; } = deadline;

    public CallTarget Target { get; } = target;

    public MethodDescriptor Method { get; } = method;

    public object?[] Arguments { get; } = arguments;

    /// <summary>The caller's chain of grain turns, or <c>null</c> when the caller was not a grain.</summary>
    public CallChain? Chain { get; } = chain;
}
