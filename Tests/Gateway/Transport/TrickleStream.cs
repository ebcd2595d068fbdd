namespace Topiary.Tests.Gateway.Transport;

/// <summary>
/// A read-only stream over fixed bytes that hands them out at most <c>maxChunk</c> at a time,
/// sometimes completing asynchronously, then reports the end of the stream. It makes a reader
/// resume across every possible split of headers, masks and payloads, like a slow socket.
/// </summary>
internal sealed class TrickleStream(byte[] data, int maxChunk, int seed = 0) : Stream
{
    private readonly Random _random = new(seed);
    private int _position;

    /// <summary>How many reads were served (a reader that never stops reading is a hang).</summary>
    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_random.Next(4) == 0)
        {
            // Exercise the reader's asynchronous continuation, not only the synchronous fast path.
            await Task.Yield();
        }
        return Read(buffer.Span);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        var chunk = (int)_random.NextInt64(1, (long)maxChunk + 1);
        var count = Math.Min(Math.Min(buffer.Length, data.Length - _position), chunk);
        data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
