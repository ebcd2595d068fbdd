using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Topiary.Tests.EndToEnd;

/// <summary>One message received on a raw connection, or the close that ended it.</summary>
internal sealed record RawMessage(WebSocketMessageType Type, byte[] Data, WebSocketCloseStatus? CloseStatus = null)
{
    public bool IsClose => Type == WebSocketMessageType.Close;

    public string Text => Encoding.UTF8.GetString(Data);

    /// <summary>The message as a JSON object; fails the test when it is not a text message.</summary>
    public JsonObject Json
    {
        get
        {
            Assert.True(Type == WebSocketMessageType.Text, $"expected a text message, got {Type} {CloseStatus}");
            return JsonNode.Parse(Data)!.AsObject();
        }
    }

    public override string ToString() => Type switch
    {
        WebSocketMessageType.Text => Text,
        WebSocketMessageType.Binary => $"<binary {Data.Length} bytes>",
        _ => $"<close {CloseStatus}>",
    };
}
