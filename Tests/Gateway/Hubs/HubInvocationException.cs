using System.Text.Json.Nodes;

namespace Topiary.Tests.Gateway.Hubs;

/// <summary>A hub invocation that completed with an error; <see cref="Envelope"/> reads Topiary's error envelope out of it.</summary>
internal sealed class HubInvocationException(string error) : Exception(error)
{
    private const string Marker = "HubException: ";

    /// <summary>The envelope that docs/protocol.md §8 says follows SignalR's <c>HubException: </c> prefix.</summary>
    public JsonObject Envelope
    {
        get
        {
            var start = Message.IndexOf(Marker, StringComparison.Ordinal);
            Assert.True(start >= 0, $"not a Topiary error: {Message}");
            return JsonNode.Parse(Message[(start + Marker.Length)..])!.AsObject();
        }
    }
}
