using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Topiary.Gateway.Transport;
using Topiary.Tests.Gateway.Transport;
using Topiary.Topics;

namespace Topiary.Tests.EndToEnd;

/// <summary>
/// A selector that matches far more current state than a session's outbound limit holds is
/// delivered whole: the gateway paces a subscription's initial values by the session's queue
/// draining, instead of queueing them all at once and closing the session as too slow (W2 in
/// docs/benchmarks.md found this with 100,000 topics).
/// </summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class InitialValuesPacingEndToEndTests
{
    private const int OutboundLimit = 64 * 1024;
    private const int Topics = 4000;

    [Fact]
    public async Task SES_80_initial_values_far_beyond_the_outbound_limit_arrive_whole_to_a_client_that_reads_late()
    {
        await using var gateway = await GatewayHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Topiary:Limits:MaxOutboundBytes"] = OutboundLimit.ToString(CultureInfo.InvariantCulture),
        });
        await using (var publisher = await Sessions.AdminAsync(gateway))
        {
            var value = new string('v', 2000);
            for (var batch = 0; batch < Topics; batch += 200)
            {
                await Task.WhenAll(Enumerable.Range(batch, 200).Select(i => publisher.Topics.AddAndSetAsync($"bulk/t{i:D4}", TopicType.String, value)));
            }
        }
        await using var connection = await RawTcpConnection.ConnectAsync(gateway);

        // About 8 MB of current state against a 64 KiB queue, more than the socket buffers hold
        // too; the client reads nothing for a second, then asks to close after the subscription.
        await connection.SendAsync(ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Text, Encoding.UTF8.GetBytes("{\"type\":\"open\",\"protocol\":1}")),
            ClientFrame.Build(WebSocketOpcode.Text, "{\"id\":1,\"op\":\"topics.subscribe\",\"args\":{\"selector\":\"?bulk/\"}}"u8),
            ClientFrame.Build(WebSocketOpcode.Text, "{\"id\":2,\"op\":\"session.close\"}"u8)));
        await Task.Delay(1000);
        var frames = await connection.ReadFramesToEndAsync(TimeSpan.FromSeconds(60));

        var texts = frames.Where(frame => frame.Opcode == 0x1).Select(frame => JsonNode.Parse(frame.Payload)!).ToList();
        Assert.DoesNotContain(texts, text => (string?)text["type"] == "closing" && (string?)text["reason"] != "CLIENT_REQUESTED");
        Assert.Equal(Topics, texts.Count(text => (string?)text["type"] == "subscribed"));
        Assert.Equal(Topics, frames.Count(frame => frame.Opcode == 0x2));
        Assert.Contains(texts, text => (int?)text["id"] == 1 && text["error"] is null);
    }
}
