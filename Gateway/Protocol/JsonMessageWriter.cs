using System.Buffers;
using System.Text.Json;

namespace Topiary.Gateway.Protocol;

/// <summary>
/// A per-thread reusable JSON writer for control messages. Use synchronously:
/// <c>var w = JsonMessageWriter.Start(); …; var bytes = JsonMessageWriter.Finish();</c> and hand
/// the bytes to an outbound queue (which copies them) before any await.
/// </summary>
internal static class JsonMessageWriter
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static Utf8JsonWriter Start()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false });
        writer.Reset(buffer);
        return writer;
    }

    /// <summary>The writer returned by the last <see cref="Start"/> on this thread.</summary>
    public static Utf8JsonWriter Current => t_writer!;

    /// <summary>Bytes written so far by the current message.</summary>
    public static long Written => t_writer!.BytesCommitted + t_writer.BytesPending;

    public static ReadOnlySpan<byte> Finish()
    {
        t_writer!.Flush();
        return t_buffer!.WrittenSpan;
    }
}
