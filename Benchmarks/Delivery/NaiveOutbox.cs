namespace Topiary.Benchmarks.Delivery;

/// <summary>
/// The baseline's per-connection outbox: a locked queue of separately allocated messages, the
/// shape of a hub or channel-per-connection design. Its capacity is kept between iterations, so
/// what the baseline allocates per delivery is the message itself.
/// </summary>
internal sealed class NaiveOutbox
{
    private readonly Lock _gate = new();
    private readonly Queue<byte[]> _messages = new();

    public void Enqueue(byte[] message)
    {
        lock (_gate)
        {
            _messages.Enqueue(message);
        }
    }

    /// <summary>Drops everything queued; returns the bytes dropped.</summary>
    public int Clear()
    {
        lock (_gate)
        {
            var bytes = 0;
            foreach (var message in _messages)
            {
                bytes += message.Length;
            }
            _messages.Clear();
            return bytes;
        }
    }
}
