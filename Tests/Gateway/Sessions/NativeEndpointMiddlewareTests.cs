using System.Text;
using System.Text.Json.Nodes;
using Topiary.Gateway.Transport;
using Topiary.Tests.EndToEnd;
using Topiary.Tests.Gateway.Transport;

namespace Topiary.Tests.Gateway.Sessions;

/// <summary>
/// The native endpoint taken over at the connection level: a whole upgrade request in the first
/// bytes is answered by Topiary itself (no Kestrel <c>Server</c> header in the 101), anything
/// else goes through HTTP (Kestrel answers) — and either way the session behaves the same.
/// </summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class NativeEndpointMiddlewareTests
{
    [Fact]
    public async Task A_whole_upgrade_request_is_taken_over_before_HTTP_and_serves_a_session()
    {
        await using var gateway = await GatewayHost.StartAsync();
        await using var connection = await RawTcpConnection.ConnectAsync(gateway);

        Assert.DoesNotContain("Server:", connection.ResponseHead, StringComparison.OrdinalIgnoreCase);
        await AssertSessionOpensAndClosesAsync(connection);
    }

    [Fact]
    public async Task An_upgrade_request_split_over_two_writes_is_served_through_HTTP_the_same_way()
    {
        await using var gateway = await GatewayHost.StartAsync();
        await using var connection = await RawTcpConnection.ConnectAsync(gateway, splitRequest: true);

        Assert.Contains("Server: Kestrel", connection.ResponseHead, StringComparison.OrdinalIgnoreCase);
        await AssertSessionOpensAndClosesAsync(connection);
    }

    [Fact]
    public async Task With_the_take_over_switched_off_every_upgrade_goes_through_HTTP()
    {
        await using var gateway = await GatewayHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Topiary:Gateway:TakeOverNativeConnections"] = "false",
        });
        await using var connection = await RawTcpConnection.ConnectAsync(gateway);

        Assert.Contains("Server: Kestrel", connection.ResponseHead, StringComparison.OrdinalIgnoreCase);
        await AssertSessionOpensAndClosesAsync(connection);
    }

    [Fact]
    public async Task Other_requests_on_the_same_port_are_untouched()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var http = new HttpClient { BaseAddress = gateway.Url };

        Assert.Equal("ready", await http.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        using var plainGet = await http.GetAsync(new Uri("/topiary", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, plainGet.StatusCode);
        Assert.Contains("WebSocket", await plainGet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertSessionOpensAndClosesAsync(RawTcpConnection connection)
    {
        await connection.SendAsync(ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Text, Encoding.UTF8.GetBytes("{\"type\":\"open\",\"protocol\":1}")),
            ClientFrame.Build(WebSocketOpcode.Text, "{\"id\":1,\"op\":\"session.ping\"}"u8),
            ClientFrame.Build(WebSocketOpcode.Close, [0x03, 0xE8])));
        var frames = await connection.ReadFramesToEndAsync();

        Assert.Equal([0x1, 0x1, 0x8], frames.Select(frame => frame.Opcode));
        Assert.Equal("opened", (string?)JsonNode.Parse(frames[0].Payload)!["type"]);
        Assert.Equal(1, (int?)JsonNode.Parse(frames[1].Payload)!["id"]);
    }
}
