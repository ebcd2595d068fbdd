namespace Topiary.Gateway.Transport;

/// <summary>
/// One complete data message (text or binary) read from a client. <see cref="Payload"/> is
/// valid only until the next read on the same reader.
/// </summary>
internal readonly record struct WebSocketMessage(WebSocketOpcode Opcode, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The peer sent a close frame (or the stream ended).</summary>
    public bool IsClose => Opcode == WebSocketOpcode.Close;
}
