using System.Text.Json;

namespace Topiary.Client.Requests;

/// <summary>Arguments of an operation that takes none (<c>session.ping</c>, <c>session.close</c>).</summary>
internal readonly struct NoArgs : IRequestArgs
{
    public void Write(Utf8JsonWriter writer)
    {
    }
}
