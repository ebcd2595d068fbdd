using Topiary.Gateway.Transport;

namespace Topiary.Gateway.Hubs;

/// <summary>
/// What a SignalR connection's session writes to instead of a socket: the session's
/// <see cref="OutboundQueue"/> drains into this write-only stream, which splits each batch back
/// into the frames the session core built and hands every message to <see cref="HubDelivery"/>.
/// The native fast path never sees this type; only the SignalR endpoint pays for the translation.
/// </summary>
internal sealed class HubOutboundStream(HubDelivery delivery) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Delivers every frame of <paramref name="buffer"/>. The queue only ever hands over whole
    /// frames, and reuses the buffer once this returns, so each message is delivered (serialized
    /// by SignalR) before the next is read.
    /// </summary>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var header = WebSocketFraming.ReadHeader(buffer.Span, out var opcode, out var length);
            var payload = buffer.Slice(header, length);
            buffer = buffer[(header + length)..];
            await delivery.DeliverAsync(opcode, payload, cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("the hub's outbound stream is written asynchronously only");

    public override void Flush()
    {
        // Every message is handed to SignalR as it is read; nothing is buffered here.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
