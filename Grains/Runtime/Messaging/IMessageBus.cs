namespace Topiary.Runtime.Messaging;

/// <summary>
/// Fan-out of opaque payloads to every process subscribed to a channel: how grains push updates to
/// gateways (one channel per topic or topic shard). In standalone mode the bus is in-process; in a
/// cluster it is Redis pub/sub with the same contract.
/// </summary>
/// <remarks>
/// Delivery is at most once: a subscriber that is not subscribed when a payload is published (or whose
/// process is disconnected) misses it; consumers that need every update recover from the publisher's
/// state (per-topic sequence numbers and history).
/// </remarks>
public interface IMessageBus
{
    /// <summary>
    /// Delivers <paramref name="payload"/> to every current subscriber of <paramref name="channel"/>.
    /// Every subscriber of a channel sees that channel's payloads in the same order, the publish order.
    /// The caller may reuse <paramref name="payload"/> once the returned task completes.
    /// </summary>
    ValueTask PublishAsync(string channel, ReadOnlyMemory<byte> payload);

    /// <summary>
    /// Subscribes <paramref name="handler"/> (called with the channel and the payload) to
    /// <paramref name="channel"/> until the result is disposed (disposing twice is harmless).
    /// The handler runs synchronously on the delivery thread and must not block; the payload is valid only
    /// during the call (copy what you keep). For one channel the handler is never invoked concurrently.
    /// An exception from the handler is logged and does not affect other subscribers.
    /// </summary>
    IDisposable Subscribe(string channel, Action<string, ReadOnlyMemory<byte>> handler);
}
