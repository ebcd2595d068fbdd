namespace Topiary.Runtime.Transport;

/// <summary>
/// Carries the runtime's messages (call requests and responses, already serialised to bytes) between
/// processes. The runtime owns the envelope format; a transport only moves opaque bytes, so the
/// in-process implementation and a Redis pub/sub one (a channel per process) carry identical bytes.
/// </summary>
/// <remarks>
/// Required guarantees: messages from one sender to one destination arrive in the order sent; delivery
/// is at most once (a lost message surfaces as a call timeout, never as a duplicate).
/// </remarks>
public interface IGrainTransport
{
    /// <summary>This process's address: responses and observer references point here. Unique per process start.</summary>
    string LocalAddress { get; }

    /// <summary>
    /// Starts delivering messages addressed to <see cref="LocalAddress"/> to <paramref name="receiver"/>.
    /// The receiver is called one message at a time per sender and does not block; the bytes are valid
    /// only during the call.
    /// </summary>
    ValueTask StartAsync(Action<ReadOnlyMemory<byte>> receiver, CancellationToken cancellationToken);

    /// <summary>Stops delivering; messages arriving afterwards are dropped.</summary>
    ValueTask StopAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="message"/> to the process at <paramref name="destination"/>. Returns
    /// <c>false</c> when no such process is reachable (nothing was sent). The caller may reuse the
    /// buffer once the returned task completes.
    /// </summary>
    ValueTask<bool> SendAsync(string destination, ReadOnlyMemory<byte> message);
}
