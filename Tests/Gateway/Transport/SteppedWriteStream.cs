namespace Topiary.Tests.Gateway.Transport;

/// <summary>
/// A write-only sink whose every write waits for the test's permission, so the test knows
/// exactly when the writer is busy (and therefore not waiting to be woken) and can measure
/// producers without a writer thread interfering.
/// </summary>
internal sealed class SteppedWriteStream : Stream
{
    private readonly SemaphoreSlim _started = new(0);
    private readonly SemaphoreSlim _permits = new(0);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Waits until the next write has begun.</summary>
    public Task WaitForWriteAsync() => _started.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(
        started => Assert.True(started.Result, "no write began"), TaskScheduler.Default);

    /// <summary>Lets the write in progress complete.</summary>
    public void Allow() => _permits.Release();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _started.Release();
        await _permits.WaitAsync(cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _started.Dispose();
            _permits.Dispose();
        }
        base.Dispose(disposing);
    }
}
