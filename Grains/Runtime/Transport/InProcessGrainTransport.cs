namespace Topiary.Runtime.Transport;

/// <summary>
/// The standalone <see cref="IGrainTransport"/>: a message to this process is handed to the receiver
/// synchronously (the receiver only decodes and enqueues it); any other destination is unreachable.
/// </summary>
public sealed class InProcessGrainTransport : IGrainTransport
{
    private volatile Action<ReadOnlyMemory<byte>>? _receiver;

    /// <inheritdoc />
    public string LocalAddress { get; } = "local-" + Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public ValueTask StartAsync(Action<ReadOnlyMemory<byte>> receiver, CancellationToken cancellationToken)
    {
        _receiver = receiver;
        return default;
    }

    /// <inheritdoc />
    public ValueTask StopAsync(CancellationToken cancellationToken)
    {
        _receiver = null;
        return default;
    }

    /// <inheritdoc />
    public ValueTask<bool> SendAsync(string destination, ReadOnlyMemory<byte> message)
    {
        if (destination != LocalAddress || _receiver is not { } receiver)
        {
            return new ValueTask<bool>(false);
        }
        receiver(message);
        return new ValueTask<bool>(true);
    }
}
