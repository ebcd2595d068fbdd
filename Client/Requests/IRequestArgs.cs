using System.Text.Json;

namespace Topiary.Client.Requests;

/// <summary>
/// The <c>args</c> of one request. Implemented by small structs so that a request is encoded
/// without closures or boxing: <see cref="IRequestSender.SendAsync{TArgs, TResult}"/> is generic over them.
/// </summary>
internal interface IRequestArgs
{
    /// <summary>Writes the members of the <c>args</c> object (the object itself is opened and closed by the caller).
    /// May throw the ERR-34 validation errors; nothing has been sent then.</summary>
    void Write(Utf8JsonWriter writer);
}

/// <summary>Reads a response's <c>result</c>; runs on the receive loop while the message buffer is valid.
/// Implementations must not keep <paramref name="result"/>.</summary>
internal delegate TResult ResultParser<out TResult>(JsonElement result);
