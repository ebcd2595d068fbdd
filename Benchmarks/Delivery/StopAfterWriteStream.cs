namespace Topiary.Benchmarks.Delivery;

/// <summary>A write-only stream that accepts one write, counting its bytes, and fails it to end the writer (see <see cref="QueueDrain"/>).</summary>
internal sealed class StopAfterWriteStream : Stream
{
    public int BytesTaken { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        BytesTaken += buffer.Length;
        return ValueTask.FromException(new BatchTakenException());
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Ends the writer loop once the batch is taken.</summary>
    public sealed class BatchTakenException() : Exception("batch taken");
}
