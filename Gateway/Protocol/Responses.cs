using System.Text.Json;

namespace Topiary.Gateway.Protocol;

/// <summary>
/// Writes a successful response: <see cref="Start"/> opens <c>{"type":"response","id":…,"result":</c>,
/// the caller writes the result value, <see cref="Finish"/> closes it and returns the bytes.
/// Synchronous between the two calls (see <see cref="JsonMessageWriter"/>).
/// </summary>
internal static class Responses
{
    public static Utf8JsonWriter Start(long id)
    {
        var writer = JsonMessageWriter.Start();
        writer.WriteStartObject();
        writer.WriteString("type", "response");
        writer.WriteNumber("id", id);
        writer.WritePropertyName("result");
        return writer;
    }

    public static ReadOnlySpan<byte> Finish()
    {
        JsonMessageWriter.Current.WriteEndObject();
        return JsonMessageWriter.Finish();
    }

    /// <summary>A response whose result is <c>{}</c>.</summary>
    public static ReadOnlySpan<byte> Empty(long id)
    {
        var writer = Start(id);
        writer.WriteStartObject();
        writer.WriteEndObject();
        return Finish();
    }
}
