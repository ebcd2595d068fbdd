using System.Net.WebSockets;

namespace Topiary.Client.Protocol;

/// <summary>
/// One complete WebSocket message. <see cref="Payload"/> is a view of the transport's receive
/// buffer, valid only until the next receive.
/// </summary>
internal readonly struct ReceivedMessage(WebSocketMessageType type, ReadOnlyMemory<byte> payload, WebSocketCloseStatus? closeStatus, string? closeDescription)
{
    public WebSocketMessageType Type { get; } = type;

    public ReadOnlyMemory<byte> Payload { get; } = payload;

    public WebSocketCloseStatus? CloseStatus { get; } = closeStatus;

    public string? CloseDescription { get; } = closeDescription;
}
