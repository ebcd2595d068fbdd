using System.Buffers;
using System.Buffers.Binary;

namespace Topiary.Gateway.Transport;

/// <summary>
/// Reads client frames (RFC 6455 §5) from an upgraded connection and reassembles them into
/// messages no larger than the session's limit. Client frames must be masked; reserved bits
/// must be clear (no extension is negotiated). Pings are handed to <c>onPing</c>; pongs are
/// ignored. Not thread-safe: one reader loop per connection.
/// An idle connection holds no buffer: the reader waits for data with a zero-byte read and
/// rents its buffers from the shared pool only while a message is arriving or being handled,
/// so tens of thousands of quiet sessions cost little memory (docs/benchmarks.md, W3).
/// </summary>
internal sealed class WebSocketReader(Stream stream, int maxMessageBytes, Action<ReadOnlyMemory<byte>> onPing) : IDisposable
{
    private const int ReadBufferBytes = 4 * 1024;
    private const int MinMessageBytes = 1024;
    private const int MaxControlPayload = 125;

    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private byte[] _message = [];
    private byte[]? _control;

    /// <summary>
    /// Reads the next data message. A close frame, or the end of the stream between two
    /// messages, returns <see cref="WebSocketOpcode.Close"/>; the end of the stream inside a
    /// frame or inside a fragmented message is a protocol error (the message was cut short).
    /// </summary>
    public async ValueTask<WebSocketMessage> ReadMessageAsync(CancellationToken cancellationToken)
    {
        // The previous message has been handled by now: its buffer goes back to the pool.
        PooledBuffer.Release(ref _message);
        var messageLength = 0;
        WebSocketOpcode? messageOpcode = null;
        while (true)
        {
            if (!await EnsureAsync(2, cancellationToken))
            {
                if (_end > _start || messageOpcode is not null)
                {
                    throw new WebSocketProtocolException(1002, "connection ended inside a frame or a fragmented message");
                }
                return new WebSocketMessage(WebSocketOpcode.Close, ReadOnlyMemory<byte>.Empty);
            }
            var first = _buffer[_start];
            var second = _buffer[_start + 1];
            var fin = (first & 0x80) != 0;
            var opcode = (WebSocketOpcode)(first & 0x0F);
            if ((first & 0x70) != 0)
            {
                throw new WebSocketProtocolException(1002, "reserved bits are set but no extension was negotiated");
            }
            if ((second & 0x80) == 0)
            {
                throw new WebSocketProtocolException(1002, "client frames must be masked (RFC 6455 §5.3)");
            }
            var lengthCode = second & 0x7F;
            var headerLength = 2 + (lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0) + 4;
            if (!await EnsureAsync(headerLength, cancellationToken))
            {
                throw new WebSocketProtocolException(1002, "connection ended inside a frame header");
            }
            var header = _buffer.AsSpan(_start, headerLength);
            var payloadLength = lengthCode switch
            {
                126 => BinaryPrimitives.ReadUInt16BigEndian(header[2..]),
                127 => BinaryPrimitives.ReadUInt64BigEndian(header[2..]),
                _ => (ulong)lengthCode,
            };
            if (payloadLength > long.MaxValue)
            {
                throw new WebSocketProtocolException(1002, "the most significant bit of a 64-bit payload length must be 0 (RFC 6455 §5.2)");
            }
            var mask = BinaryPrimitives.ReadUInt32LittleEndian(header[(headerLength - 4)..]);
            _start += headerLength;

            if (opcode >= WebSocketOpcode.Close)
            {
                if (!fin || payloadLength > MaxControlPayload || opcode > WebSocketOpcode.Pong)
                {
                    throw new WebSocketProtocolException(1002, "invalid control frame");
                }
                _control ??= new byte[MaxControlPayload];
                await ReadPayloadAsync(_control, 0, (int)payloadLength, mask, cancellationToken);
                var payload = _control.AsMemory(0, (int)payloadLength);
                if (opcode == WebSocketOpcode.Close)
                {
                    return new WebSocketMessage(WebSocketOpcode.Close, payload);
                }
                if (opcode == WebSocketOpcode.Ping)
                {
                    onPing(payload);
                }
                continue;
            }

            messageOpcode = ValidateDataOpcode(opcode, messageOpcode);
            // Compared as a remainder so that no declared length can wrap the sum below the limit.
            if (payloadLength > (ulong)(maxMessageBytes - messageLength))
            {
                throw new WebSocketProtocolException(1009,
                    $"message larger than the maximum message size of {maxMessageBytes} bytes");
            }
            EnsureMessageCapacity(messageLength + (int)payloadLength, messageLength);
            await ReadPayloadAsync(_message, messageLength, (int)payloadLength, mask, cancellationToken);
            messageLength += (int)payloadLength;
            if (fin)
            {
                return new WebSocketMessage(messageOpcode.Value, _message.AsMemory(0, messageLength));
            }
        }
    }

    /// <summary>Bytes of pooled buffer this reader holds now (for tests and diagnostics); not thread-safe.</summary>
    internal int HeldBytes => _buffer.Length + _message.Length;

    public void Dispose()
    {
        PooledBuffer.Release(ref _buffer);
        PooledBuffer.Release(ref _message);
    }

    private static WebSocketOpcode ValidateDataOpcode(WebSocketOpcode opcode, WebSocketOpcode? messageOpcode) => opcode switch
    {
        WebSocketOpcode.Continuation when messageOpcode is { } started => started,
        WebSocketOpcode.Text or WebSocketOpcode.Binary when messageOpcode is null => opcode,
        WebSocketOpcode.Continuation => throw new WebSocketProtocolException(1002, "continuation frame without a message to continue"),
        WebSocketOpcode.Text or WebSocketOpcode.Binary => throw new WebSocketProtocolException(1002, "new message started before the previous one finished"),
        _ => throw new WebSocketProtocolException(1002, $"unknown opcode 0x{(byte)opcode:x}"),
    };

    private void EnsureMessageCapacity(int needed, int keep)
    {
        if (needed <= _message.Length)
        {
            return;
        }
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(needed, MinMessageBytes), _message.Length * 2));
        _message.AsSpan(0, keep).CopyTo(larger);
        PooledBuffer.Release(ref _message);
        _message = larger;
    }

    private async ValueTask ReadPayloadAsync(byte[] destination, int offset, int length, uint mask, CancellationToken cancellationToken)
    {
        var done = 0;
        while (done < length)
        {
            if (_start == _end && !await EnsureAsync(1, cancellationToken))
            {
                throw new WebSocketProtocolException(1002, "connection ended inside a frame");
            }
            var chunk = Math.Min(length - done, _end - _start);
            Unmask(_buffer.AsSpan(_start, chunk), destination.AsSpan(offset + done, chunk), mask, done);
            _start += chunk;
            done += chunk;
        }
    }

    private static void Unmask(ReadOnlySpan<byte> source, Span<byte> destination, uint mask, int position)
    {
        Span<byte> key = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(key, mask);
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = (byte)(source[i] ^ key[(position + i) & 3]);
        }
    }

    // Makes at least `count` unread bytes available; false when the stream ended first.
    private async ValueTask<bool> EnsureAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count)
        {
            return true;
        }
        if (_start == _end)
        {
            _start = _end = 0;
            await WaitForDataAsync(cancellationToken);
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_buffer.Length < count)
        {
            // Only a frame header is ever awaited whole, so the read buffer never needs to grow past this.
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(count, ReadBufferBytes));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            PooledBuffer.Release(ref _buffer);
            _buffer = larger;
        }
        while (_end < count)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                return false;
            }
            _end += read;
        }
        return true;
    }

    // With nothing unread, gives the read buffer back and waits for the next bytes without one.
    // A stream that does not wait on a zero-byte read just returns at once; the read that
    // follows then waits, with a buffer, which is correct, only not as frugal.
    private async ValueTask WaitForDataAsync(CancellationToken cancellationToken)
    {
        PooledBuffer.Release(ref _buffer);
        // The count is always 0: this read only waits.
        _ = await stream.ReadAsync(Memory<byte>.Empty, cancellationToken);
    }
}
