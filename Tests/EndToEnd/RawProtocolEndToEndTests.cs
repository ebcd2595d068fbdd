using System.Buffers.Binary;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Topiary.Gateway.Sessions;
using Topiary.Gateway.Transport;
using Topiary.Tests.Gateway.Transport;
using Topiary.Topics;

namespace Topiary.Tests.EndToEnd;

/// <summary>
/// Bad input on the native protocol (docs/protocol.md), sent over a bare WebSocket to a real
/// gateway: each is answered as documented — a <c>rejected</c> handshake, an error response or
/// notification, or a close with the documented status — and afterwards the gateway still serves
/// other sessions (ERR-30, ERR-31).
/// </summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class RawProtocolEndToEndTests(RawProtocolGateway fixture) : IClassFixture<RawProtocolGateway>
{
    private GatewayHost Gateway => fixture.Host;

    [Theory]
    [InlineData("JSON")]
    [InlineData("BINARY")]
    public async Task UPD_1_clearing_a_topic_that_cannot_be_cleared_is_INVALID_VALUE_NO_VALUE_NOT_ALLOWED_as_documented(string type)
    {
        await using var session = await RawSession.OpenAsync(Gateway);
        var path = $"clear/{type.ToLowerInvariant()}";
        var added = await session.RequestAsync(1, "topics.add", new JsonObject { ["path"] = path, ["type"] = type });
        Assert.Null(added["error"]);

        var response = await session.RequestAsync(2, "topics.set", new JsonObject { ["path"] = path, ["type"] = type, ["value"] = null });

        var error = WireErrorAssert.Envelope(response["error"]?.AsObject(), "INVALID_VALUE", 1007);
        Assert.Equal("NO_VALUE_NOT_ALLOWED", (string?)error["details"]!["reason"]);
    }

    [Fact]
    public async Task SES_14_another_protocol_version_is_rejected_with_PROTOCOL_VERSION_MISMATCH_then_1008()
    {
        await using var session = await RawSession.ConnectAsync(Gateway);

        await session.SendTextAsync("{\"type\":\"open\",\"protocol\":2,\"principal\":\"admin\",\"password\":\"" + GatewayHost.AdminPassword + "\"}");
        var rejected = (await session.ReceiveAsync()).Json;
        var close = await session.ReceiveAsync();

        Assert.Equal("rejected", (string?)rejected["type"]);
        var error = WireErrorAssert.Envelope(rejected["error"]?.AsObject(), "PROTOCOL_VERSION_MISMATCH", 3004);
        Assert.Equal("[1]", error["details"]!["supported"]!.ToJsonString());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        await GatewayHealth.AssertServingAsync(Gateway);
    }

    [Theory]
    [InlineData("admin", "wrong-password")]
    [InlineData("admin", null)]
    [InlineData("nobody", GatewayHost.AdminPassword)]
    public async Task SES_14_bad_credentials_are_rejected_with_AUTHENTICATION_FAILED_without_saying_which_part(string principal, string? password)
    {
        await using var session = await RawSession.ConnectAsync(Gateway);

        var open = new JsonObject { ["type"] = "open", ["protocol"] = 1, ["principal"] = principal };
        if (password is not null)
        {
            open["password"] = password;
        }
        await session.SendTextAsync(open.ToJsonString());
        var rejected = (await session.ReceiveAsync()).Json;
        var close = await session.ReceiveAsync();

        var error = WireErrorAssert.Envelope(rejected["error"]?.AsObject(), "AUTHENTICATION_FAILED", 3001);
        Assert.Equal("AUTHENTICATION_FAILED: the principal or the password is not valid", (string?)error["message"]);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        await GatewayHealth.AssertServingAsync(Gateway);
    }

    public static TheoryData<string, string> MalformedOpenMessages() => new()
    {
        { "hello", "message" },
        { "{\"type\":\"open\",\"protocol\":1", "message" },
        { "[]", "type" },
        { "{\"type\":\"ping\",\"protocol\":1}", "type" },
        { "{\"type\":7,\"protocol\":1}", "type" },
        { "{\"type\":\"open\",\"protocol\":\"1\"}", "protocol" },
        { "{\"type\":\"open\"}", "protocol" },
        { "{\"type\":\"open\",\"protocol\":1,\"principal\":[\"admin\"]}", "principal" },
        { "{\"type\":\"op\\ud800en\",\"protocol\":1}", "type" },
    };

    [Theory]
    [MemberData(nameof(MalformedOpenMessages))]
    public async Task SES_14_a_malformed_open_message_is_rejected_with_INVALID_ARGUMENT_then_1008(string open, string argument)
    {
        await using var session = await RawSession.ConnectAsync(Gateway);

        await session.SendTextAsync(open);
        var rejected = (await session.ReceiveAsync()).Json;
        var close = await session.ReceiveAsync();

        Assert.Equal("rejected", (string?)rejected["type"]);
        WireErrorAssert.InvalidArgument(rejected["error"]?.AsObject(), argument);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        await GatewayHealth.AssertServingAsync(Gateway);
    }

    [Fact]
    public async Task SES_14_a_binary_first_message_is_rejected_with_INVALID_ARGUMENT_then_1008()
    {
        await using var session = await RawSession.ConnectAsync(Gateway);

        await session.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"open\",\"protocol\":1}"), WebSocketMessageType.Binary);
        var rejected = (await session.ReceiveAsync()).Json;
        var close = await session.ReceiveAsync();

        Assert.Equal("rejected", (string?)rejected["type"]);
        WireErrorAssert.InvalidArgument(rejected["error"]?.AsObject(), "message", "EXPECTED_OPEN");
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
    }

    [Fact]
    public async Task ERR_31_text_that_is_not_json_gets_an_error_notification_and_the_session_stays_usable()
    {
        await using var session = await RawSession.OpenAsync(Gateway);

        await session.SendTextAsync("this is not JSON");
        var notification = await session.ReceiveJsonAsync();
        var ping = await session.RequestAsync(1, "session.ping");

        Assert.Equal("error", (string?)notification["type"]);
        WireErrorAssert.InvalidArgument(notification["error"]?.AsObject(), "message", "MALFORMED_JSON");
        Assert.NotNull(notification["error"]!["correlationId"]);
        Assert.Equal("0.1.0", (string?)ping["result"]!["serverVersion"]);
    }

    [Fact]
    public async Task ERR_31_a_request_without_an_id_gets_an_error_notification_and_the_session_stays_usable()
    {
        await using var session = await RawSession.OpenAsync(Gateway);

        await session.SendTextAsync("{\"op\":\"session.ping\"}");
        var notification = await session.ReceiveJsonAsync();
        var ping = await session.RequestAsync(2, "session.ping");

        Assert.Equal("error", (string?)notification["type"]);
        WireErrorAssert.InvalidArgument(notification["error"]?.AsObject(), "id", "MISSING");
        Assert.NotNull(ping["result"]);
    }

    [Theory]
    [InlineData("{\"id\":3,\"op\":\"topics.explode\"}", "op", "UNKNOWN_OPERATION")]
    [InlineData("{\"id\":3,\"op\":17}", "op", "WRONG_TYPE")]
    [InlineData("{\"id\":3,\"op\":\"topics.add\",\"args\":[]}", "args", "WRONG_TYPE")]
    [InlineData("{\"id\":3,\"op\":\"topics.add\",\"args\":{\"type\":\"STRING\"}}", "path", "MISSING")]
    [InlineData("{\"id\":3,\"op\":\"topics.add\",\"args\":{\"path\":7,\"type\":\"STRING\"}}", "path", "WRONG_TYPE")]
    [InlineData("{\"id\":3,\"op\":\"topics.add\",\"args\":{\"path\":\"a\\udc00\",\"type\":\"STRING\"}}", "path", "INVALID_UNICODE")]
    [InlineData("{\"id\":3,\"op\":\"topics.fetch\",\"args\":{\"selector\":\"?a//\",\"limit\":100001}}", "limit", "OUT_OF_RANGE")]
    [InlineData("{\"id\":3,\"op\":\"topics.fetch\",\"args\":{\"selector\":\"?a//\",\"withValues\":\"yes\"}}", "withValues", "WRONG_TYPE")]
    [InlineData("{\"id\":3,\"op\":\"topics.set\",\"args\":{\"path\":\"a\",\"type\":\"STRING\"}}", "value", "MISSING")]
    public async Task ERR_31_a_malformed_request_gets_an_INVALID_ARGUMENT_response_naming_the_argument(string request, string argument, string reason)
    {
        await using var session = await RawSession.OpenAsync(Gateway);

        await session.SendTextAsync(request);
        var response = await session.ResponseAsync(3);
        var ping = await session.RequestAsync(4, "session.ping");

        WireErrorAssert.InvalidArgument(response["error"]?.AsObject(), argument, reason);
        Assert.NotNull(ping["result"]);
        await GatewayHealth.AssertServingAsync(Gateway);
    }

    [Fact]
    public async Task ERR_31_a_value_string_with_invalid_utf8_is_INVALID_VALUE_and_nothing_is_stored()
    {
        await using var session = await RawSession.OpenAsync(Gateway);
        var path = "raw/utf8/" + Guid.NewGuid().ToString("N");
        byte[] request = [.. Encoding.UTF8.GetBytes($"{{\"id\":5,\"op\":\"topics.addAndSet\",\"args\":{{\"path\":\"{path}\",\"type\":\"INT64\",\"value\":\"1"), 0xFF, .. "\"}}"u8];

        await session.SendAsync(request, WebSocketMessageType.Text);
        var response = await session.ResponseAsync(5);
        var fetched = await session.RequestAsync(6, "topics.fetch", new JsonObject { ["selector"] = path });

        WireErrorAssert.Envelope(response["error"]?.AsObject(), "INVALID_VALUE", 1007);
        Assert.Empty(fetched["result"]!["results"]!.AsArray());
    }

    [Fact]
    public async Task A_request_sent_in_fragments_is_reassembled()
    {
        await using var session = await RawSession.OpenAsync(Gateway);

        await session.SendAsync(Encoding.UTF8.GetBytes("{\"id\":7,"), WebSocketMessageType.Text, endOfMessage: false);
        await session.SendAsync(Encoding.UTF8.GetBytes("\"op\":\"session"), WebSocketMessageType.Text, endOfMessage: false);
        await session.SendAsync(Encoding.UTF8.GetBytes(".ping\"}"), WebSocketMessageType.Text, endOfMessage: true);

        Assert.NotNull((await session.ResponseAsync(7))["result"]);
    }

    [Fact]
    public async Task A_binary_frame_from_the_client_gets_an_error_notification_then_close_1003()
    {
        await using var session = await RawSession.OpenAsync(Gateway);

        await session.SendAsync([1, 2, 3], WebSocketMessageType.Binary);
        var (texts, status) = await session.ReadToCloseAsync();

        var notification = Assert.Single(texts);
        Assert.Equal("error", (string?)notification["type"]);
        WireErrorAssert.Envelope(notification["error"]?.AsObject(), "INVALID_ARGUMENT", 1000);
        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, status);
        await GatewayHealth.AssertServingAsync(Gateway);
    }

    [Fact]
    public async Task SES_13_a_message_of_exactly_the_maximum_size_is_served()
    {
        await using var session = await RawSession.OpenAsync(Gateway);
        var prefix = "{\"id\":8,\"op\":\"session.ping\",\"pad\":\"";
        var suffix = "\"}";
        var request = prefix + new string('x', RawProtocolGateway.MaxMessageBytes - prefix.Length - suffix.Length) + suffix;

        await session.SendTextAsync(request);

        Assert.Equal(RawProtocolGateway.MaxMessageBytes, (int?)session.Opened!["maxMessageSize"]);
        Assert.NotNull((await session.ResponseAsync(8))["result"]);
    }

    [Fact]
    public async Task SES_13_a_message_over_the_maximum_size_gets_LIMIT_EXCEEDED_naming_the_limit_then_close_1009()
    {
        await using var session = await RawSession.OpenAsync(Gateway);
        var request = "{\"id\":9,\"op\":\"session.ping\",\"pad\":\"" + new string('x', RawProtocolGateway.MaxMessageBytes) + "\"}";

        await session.SendTextAsync(request);
        var (texts, status) = await session.ReadToCloseAsync();

        var notification = Assert.Single(texts);
        Assert.Equal("error", (string?)notification["type"]);
        var error = WireErrorAssert.Envelope(notification["error"]?.AsObject(), "LIMIT_EXCEEDED", 4001);
        Assert.Equal(RawProtocolGateway.MaxMessageBytes, (int?)error["details"]!["maximum"]);
        Assert.Contains("65536", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);
        await GatewayHealth.AssertServingAsync(Gateway);
    }

    [Fact]
    public async Task ERR_31_an_unmasked_frame_gets_an_error_notification_then_close_1002()
    {
        await using var connection = await RawTcpConnection.ConnectAsync(Gateway);
        var open = Encoding.UTF8.GetBytes("{\"type\":\"open\",\"protocol\":1}");

        await connection.SendAsync(ClientFrame.Concat(
            ClientFrame.Build(WebSocketOpcode.Text, open),
            ClientFrame.Build(WebSocketOpcode.Text, "{\"id\":1,\"op\":\"session.ping\"}"u8, masked: false)));
        var frames = await connection.ReadFramesToEndAsync();

        Assert.Equal([0x1, 0x1, 0x8], frames.Select(frame => frame.Opcode));
        Assert.Equal("opened", (string?)JsonNode.Parse(frames[0].Payload)!["type"]);
        var notification = JsonNode.Parse(frames[1].Payload)!.AsObject();
        WireErrorAssert.InvalidArgument(notification["error"]?.AsObject(), "frame", "PROTOCOL_ERROR");
        Assert.Equal(1002, BinaryPrimitives.ReadUInt16BigEndian(frames[2].Payload));
        await GatewayHealth.AssertServingAsync(Gateway);
    }

    [Fact]
    public async Task A_plain_GET_of_the_endpoint_is_400_explaining_that_a_websocket_upgrade_is_needed()
    {
        using var http = new HttpClient { BaseAddress = Gateway.Url };

        using var response = await http.GetAsync(new Uri("/topiary", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket", text, StringComparison.Ordinal);
        Assert.Contains("docs/protocol.md", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SES_81_a_client_that_never_reads_gets_closing_OUTBOUND_BUFFER_OVERFLOW_and_others_are_unaffected()
    {
        await using var publisher = await Sessions.AdminAsync(Gateway);
        var path = "raw/overflow/" + Guid.NewGuid().ToString("N");
        await publisher.Topics.AddAsync(path, TopicSpecification.Create(TopicType.Binary, new Dictionary<string, string> { ["PERSISTENT"] = "false" }));
        await using var healthy = await Sessions.AnonymousAsync(Gateway);
        var events = new EventCollector();
        using var stream = healthy.Topics.AddStream(path, events);
        await healthy.Topics.SubscribeAsync(path);
        await using var slow = await RawSession.ConnectAsync(Gateway);
        await slow.SendTextAsync("{\"type\":\"open\",\"protocol\":1}");
        var slowId = (string?)(await slow.ReceiveAsync()).Json["sessionId"];
        Assert.NotNull((await slow.RequestAsync(1, "topics.subscribe", new JsonObject { ["selector"] = path }))["result"]);

        // The slow client reads nothing while updates are published. Socket buffers absorb a few
        // MiB (how many depends on the kernel) before the 64 KiB outbound buffer fills, so publish
        // until the gateway has let go of the session — the one thing observed from the inside.
        // The healthy subscriber is paced: it is never more than 4 updates (32 KiB) behind, so
        // it keeps up by definition however busy the machine is, and must see every update.
        var registry = Gateway.Services.GetRequiredService<SessionRegistry>();
        var value = new byte[8 * 1024];
        var updates = 0;
        var received = await events.TakeAsync(1);
        while (registry.All.Any(session => session.Id == slowId))
        {
            Assert.True(updates < 8192, "64 MiB published and the slow client is still attached");
            for (var i = 0; i < 4; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(value, ++updates);
                await publisher.Topics.SetAsync(path, value);
            }
            received.AddRange(await events.TakeAsync(4));
        }

        // Reading now: a gap-free prefix of the updates that had left the queue, then the notice and the close.
        var sequences = new List<long>();
        RawMessage message;
        try
        {
            while ((message = await slow.ReceiveAsync()).Type == WebSocketMessageType.Binary)
            {
                sequences.Add(BinaryPrimitives.ReadInt64LittleEndian(message.Data.AsSpan(14)));
            }
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"after {sequences.Count} value frames ({string.Join(",", sequences.TakeLast(3))}): {exception.Message}");
        }
        var closing = message.Json;
        var close = await slow.ReceiveAsync();
        Assert.Equal("closing", (string?)closing["type"]);
        Assert.Equal("OUTBOUND_BUFFER_OVERFLOW", (string?)closing["reason"]);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        Assert.True(sequences.Count < updates, "the slow client was never cut off");
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);

        // The other subscriber saw every update, and the gateway serves new sessions.
        await events.AssertQuietAsync();
        Assert.Equal($"subscribed {path}", received[0]);
        Assert.Equal(updates, received.Count(line => line.StartsWith($"value {path} ", StringComparison.Ordinal)));
        await GatewayHealth.AssertServingAsync(Gateway);
    }

    [Fact]
    public async Task TOP_52_a_session_holds_at_most_10000_selection_operations_for_subscribe_and_unsubscribe()
    {
        await using var session = await RawSession.OpenAsync(Gateway, principal: "", password: null);
        const int Limit = 10_000;
        var prefix = "raw/limit/" + Guid.NewGuid().ToString("N") + "/";

        // Pipelined, at most 256 requests in flight so their responses stay far below the
        // fixture's 64 KiB outbound buffer.
        using var window = new SemaphoreSlim(256);
        var responses = Task.Run(async () =>
        {
            var errors = new List<JsonObject>();
            for (var i = 1; i <= Limit; i++)
            {
                var response = await session.ResponseAsync(i);
                window.Release();
                if (response["error"] is JsonObject error)
                {
                    errors.Add(error);
                }
            }
            return errors;
        });
        for (var i = 1; i <= Limit; i++)
        {
            Assert.True(await window.WaitAsync(TimeSpan.FromSeconds(10)), $"no response to request {i - 256}");
            await session.SendTextAsync($"{{\"id\":{i},\"op\":\"topics.subscribe\",\"args\":{{\"selector\":\"{prefix}{i}\"}}}}");
        }
        Assert.Empty(await responses);

        var subscribe = await session.RequestAsync(Limit + 1, "topics.subscribe", new JsonObject { ["selector"] = prefix + "new" });
        var unsubscribe = await session.RequestAsync(Limit + 2, "topics.unsubscribe", new JsonObject { ["selector"] = prefix + "other" });
        var conflated = await session.RequestAsync(Limit + 3, "topics.unsubscribe", new JsonObject { ["selector"] = prefix + "1" });

        foreach (var refused in new[] { subscribe, unsubscribe })
        {
            var error = WireErrorAssert.Envelope(refused["error"]?.AsObject(), "LIMIT_EXCEEDED", 4001);
            Assert.Equal(Limit, (int?)error["details"]!["maximum"]);
        }
        Assert.NotNull(conflated["result"]);
    }
}
