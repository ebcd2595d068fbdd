using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Topiary.Client.Requests;

namespace Topiary.Tests.Client.Topics;

/// <summary>An <see cref="IRequestSender"/> that records each request's args and answers with a canned result.</summary>
internal sealed class RecordingSender : IRequestSender
{
    public List<(string Op, JsonElement Args)> Sent { get; } = [];

    /// <summary>The <c>result</c> the next requests are answered with.</summary>
    public string Result { get; set; } = "{}";

    /// <summary>Errors the next requests fail with, one per request, before <see cref="Result"/> is used.</summary>
    public Queue<Exception> Failures { get; } = new();

    public Task<TResult> SendAsync<TArgs, TResult>(JsonEncodedText op, TArgs args, ResultParser<TResult> parser, CancellationToken cancellationToken)
        where TArgs : struct, IRequestArgs
    {
        var buffer = new ArrayBufferWriter<byte>();
        // The session writes with relaxed escaping too.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            args.Write(writer);
            writer.WriteEndObject();
        }
        using (var document = JsonDocument.Parse(buffer.WrittenMemory))
        {
            Sent.Add((op.Value, document.RootElement.Clone()));
        }
        if (Failures.TryDequeue(out var failure))
        {
            return Task.FromException<TResult>(failure);
        }
        using var result = JsonDocument.Parse(Result);
        return Task.FromResult(parser(result.RootElement));
    }
}
