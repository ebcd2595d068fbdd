namespace Topiary.Client.Protocol;

/// <summary>The server sent a message larger than the SDK accepts; the connection is closed with status 1009.</summary>
internal sealed class MessageTooBigException(int limit) : Exception($"a message from the server exceeded {limit} bytes")
{
    public int Limit { get; } = limit;
}
