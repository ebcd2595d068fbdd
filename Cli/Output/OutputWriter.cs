using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Topiary.Topics;

namespace Topiary.Cli.Output;

/// <summary>
/// Standard output of a verb: plain lines, or with <c>--json</c> one compact JSON object per
/// line. Lines are buffered until <see cref="FlushAsync"/>; <c>subscribe</c> flushes each one.
/// </summary>
internal sealed class OutputWriter(TextWriter writer, bool json)
{
    // Keep non-ASCII text readable; the output is a terminal or a pipe, never HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool Json { get; } = json;

    /// <summary>Writes one plain line (callers only use it without <c>--json</c>).</summary>
    public Task LineAsync(string line) => writer.WriteLineAsync(line);

    /// <summary>Writes one JSON object as a line; <paramref name="write"/> writes its members.</summary>
    public Task ObjectAsync(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }
        return writer.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>
    /// Writes one topic value: <c>path&lt;TAB&gt;value</c> (<see cref="ValueFormatter.ToText"/>), or
    /// <c>{"path":…,"type":…,"sequence":…,"value":…}</c> with <c>--json</c>.
    /// </summary>
    public Task TopicAsync(string path, TopicValue value, long? sequence)
    {
        if (!Json)
        {
            return LineAsync($"{path}\t{ValueFormatter.ToText(value)}");
        }
        return ObjectAsync(json =>
        {
            json.WriteString("path", path);
            json.WriteString("type", value.Type.WireName());
            if (sequence is { } number)
            {
                json.WriteNumber("sequence", number);
            }
            json.WritePropertyName("value");
            ValueFormatter.WriteJson(json, value);
        });
    }

    /// <summary>Writes what is buffered to the underlying stream.</summary>
    public Task FlushAsync() => writer.FlushAsync();

    /// <summary>Compact JSON text of <paramref name="write"/>'s single value.</summary>
    internal static string Compact(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(json);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
