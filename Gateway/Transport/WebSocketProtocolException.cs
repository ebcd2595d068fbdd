namespace Topiary.Gateway.Transport;

/// <summary>A peer broke RFC 6455 or a size limit; the connection is closed with <see cref="CloseStatus"/>.</summary>
internal sealed class WebSocketProtocolException(int closeStatus, string message) : Exception(message)
{
    /// <summary>1002 protocol error, 1007 invalid data, 1009 message too big.</summary>
    public int CloseStatus { get; } = closeStatus;
}
