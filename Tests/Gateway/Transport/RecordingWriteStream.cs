namespace Topiary.Tests.Gateway.Transport;

/// <summary>
/// A write-only stream that records each <c>WriteAsync</c> call as one batch. With
/// <c>holdFirstWrite</c> its first write does not complete until <see cref="Release"/>, like a
/// socket whose peer stopped reading, so frames pile up behind it in the queue.
/// </summary>
internal sealed class RecordingWriteStream(bool holdFirstWrite = false) : Stream
{
    private readonly Lock _gate = new();
    private readonly List<byte[]> _writes = [];
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstWriteStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytes;

    /// <summary>Completes once the first write has begun (and, when held, is waiting).</summary>
    public Task FirstWriteStarted => _firstWriteStarted.Task;

    public long BytesWritten => Interlocked.Read(ref _bytes);

    public List<byte[]> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    public byte[] AllBytes => [.. Writes.SelectMany(write => write)];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public void Release() => _release.TrySetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        bool first;
        lock (_gate)
        {
            // Copy now: the queue reuses its buffer as soon as the write completes.
            _writes.Add(buffer.ToArray());
            first = _writes.Count == 1;
        }
        Interlocked.Add(ref _bytes, buffer.Length);
        if (first)
        {
            _firstWriteStarted.TrySetResult();
            if (holdFirstWrite)
            {
                await _release.Task.WaitAsync(cancellationToken);
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
