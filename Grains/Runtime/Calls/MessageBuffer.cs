using System.Buffers;
using System.Text.Json;

namespace Topiary.Runtime.Calls;

/// <summary>
/// A reusable buffer + JSON writer for encoding one message, cached per thread so that steady-state
/// calls do not allocate buffers. Rent, write, send, dispose (which returns it to the cache).
/// </summary>
internal sealed class MessageBuffer : IDisposable
{
    // Larger buffers are not kept: one huge message should not pin memory on a thread forever.
    private const int MaxCachedCapacity = 64 * 1024;

    [ThreadStatic]
    private static MessageBuffer? t_cached;

    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    private MessageBuffer() => Writer = new Utf8JsonWriter(_buffer);

    public Utf8JsonWriter Writer { get; }

    /// <summary>The encoded message (flushes the writer).</summary>
    public ReadOnlyMemory<byte> WrittenMemory
    {
        get
        {
            Writer.Flush();
            return _buffer.WrittenMemory;
        }
    }

    public static MessageBuffer Rent()
    {
        // Taking it out of the slot makes nested use on one thread (an error response sent while a
        // request is being sent) safe: the nested rent gets a fresh buffer.
        var buffer = t_cached;
        t_cached = null;
        return buffer ?? new MessageBuffer();
    }

    public void Dispose()
    {
        if (_buffer.Capacity > MaxCachedCapacity)
        {
            Writer.Dispose();
            return;
        }
        _buffer.ResetWrittenCount();
        Writer.Reset(_buffer);
        t_cached = this;
    }
}
