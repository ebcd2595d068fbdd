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
        using var result = JsonDocument.Parse(Result);
        return Task.FromResult(parser(result.RootElement));
    }
}
