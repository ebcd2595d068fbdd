using Topiary.Gateway.Transport;

namespace Topiary.Benchmarks.Delivery;

/// <summary>
/// Empties an <see cref="OutboundQueue"/> between benchmark iterations with the queue's own
/// writer loop: the loop swaps out everything queued and hands it to a stream that counts the
/// bytes and then fails, which ends the loop before it can park waiting for more. The queue is
/// left empty and open, so the next iteration starts from the same state.
/// </summary>
internal static class QueueDrain
{
    /// <summary>Drains <paramref name="queue"/>, which must not be empty; returns the bytes it held.</summary>
    public static int Drain(OutboundQueue queue)
    {
        var sink = new StopAfterWriteStream();
        var writer = queue.RunWriterAsync(sink, CancellationToken.None);
        // A writer that has not faulted found nothing to write and is now parked on the queue:
        // the benchmark would then be measuring a different path, so stop right here.
        if (!writer.IsFaulted || writer.Exception?.InnerException is not StopAfterWriteStream.BatchTakenException)
        {
            throw new InvalidOperationException("the queue was empty when drained; the benchmark did not deliver what it claims");
        }
        return sink.BytesTaken;
    }
}
