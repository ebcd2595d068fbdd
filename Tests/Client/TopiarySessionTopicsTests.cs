using System.Net.WebSockets;
using System.Text;
using Topiary.Client;
using Topiary.Client.Topics;
using Topiary.Errors;
using Topiary.Tests.Abstractions.Topics;
using Topiary.Tests.Client.Topics;
using Topiary.Topics;

namespace Topiary.Tests.Client;

/// <summary>Requests, responses, notifications and value frames over a real WebSocket to a scripted peer.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class TopiarySessionTopicsTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;
    private ITopiarySession _session = null!;
    private ServerConnection _peer = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedServer.StartAsync();
        (_session, _peer) = await _server.OpenSessionAsync(_server.Options(requestTimeout: TimeSpan.FromSeconds(2)));
    }

    public async Task DisposeAsync()
    {
        _peer.Abort();
        await _session.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Requests_are_correlated_by_id_whatever_the_order_of_answers()
    {
        var add = _session.Topics.AddAsync("a", TopicType.String);
        var set = _session.Topics.SetAsync("a", "hello");
        var first = await _peer.ReceiveRequestAsync();
        var second = await _peer.ReceiveRequestAsync();
        Assert.Equal(("topics.add", "topics.set"), (first.Op, second.Op));
        Assert.True(second.Id > first.Id);
        Assert.Equal("hello", second.Args.GetProperty("value").GetString());
        await _peer.RespondAsync(second.Id, """{"sequence":1}""");
        await _peer.RespondAsync(first.Id, """{"added":true}""");
        Assert.Equal(1, await set);
        Assert.True(await add);
    }

    [Fact]
    public async Task ERR_2_an_error_response_throws_the_class_of_its_code_with_the_servers_envelope()
    {
        var set = _session.Topics.SetAsync("missing", 1L);
        var request = await _peer.ReceiveRequestAsync();
        var envelope = ErrorEnvelope.For(ErrorCode.NotFound, "no topic at 'missing'", new System.Text.Json.Nodes.JsonObject { ["kind"] = "topic", ["name"] = "missing" }, "corr-7");
        await _peer.RespondErrorAsync(request.Id, envelope);
        var exception = await Assert.ThrowsAsync<TopiaryStateException>(() => set);
        Assert.Equal(envelope.Message, exception.Message);
        Assert.Equal("corr-7", exception.Error.CorrelationId);
        Assert.Equal("missing", exception.Error.Details!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ERR_22_an_unanswered_request_times_out_and_its_late_answer_is_ignored()
    {
        var add = _session.Topics.AddAsync("slow", TopicType.Json);
        var request = await _peer.ReceiveRequestAsync();
        var exception = await Assert.ThrowsAsync<TopiaryOutcomeUnknownException>(() => add);
        Assert.Equal(ErrorCode.Timeout, exception.Code);
        await _peer.RespondAsync(request.Id, """{"added":true}""");
        var ping = _session.PingAsync();
        var next = await _peer.ReceiveRequestAsync();
        await _peer.RespondAsync(next.Id, """{"serverVersion":"0.1.0","serverTime":0}""");
        Assert.Equal("0.1.0", (await ping).ServerVersion);
        Assert.Equal(SessionState.Connected, _session.State);
    }

    [Fact]
    public async Task Cancelling_a_call_abandons_the_wait()
    {
        using var cancellation = new CancellationTokenSource();
        var fetch = _session.Topics.FetchAsync("?a//", cancellationToken: cancellation.Token);
        await _peer.ReceiveRequestAsync();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch);
    }

    [Fact]
    public async Task SES_13_a_request_above_the_maximum_message_size_fails_before_sending()
    {
        var exception = ErrorAssert.Throws(ErrorCode.LimitExceeded, () => _session.Topics.SetAsync("big", new string('x', 5 * 1024 * 1024)));
        Assert.Equal(4 * 1024 * 1024, exception.Error.Details!["maximum"]!.GetValue<long>());
        var ping = _session.PingAsync();
        Assert.Equal("session.ping", (await _peer.ReceiveRequestAsync()).Op);
    }

    [Fact]
    public async Task TOP_50_subscribe_delivers_subscribed_and_initial_values_before_it_completes()
    {
        var stream = new RecordingStream<double?>();
        using var registration = _session.Topics.AddStream("?prices//", stream);
        var subscribe = _session.Topics.SubscribeAsync("?prices//");
        var request = await _peer.ReceiveRequestAsync();
        Assert.Equal(("topics.subscribe", "?prices//"), (request.Op, request.Args.GetProperty("selector").GetString()));
        await _peer.SendSubscribedAsync(7, "prices/EURUSD", "DOUBLE", sequence: 41, properties: """{"PERSISTENT":"true"}""");
        await _peer.SendBinaryAsync(ServerConnection.ValueFrame(7, 41, BitConverter.GetBytes(1.0842), flags: 0b10));
        await _peer.RespondAsync(request.Id, "{}");
        await subscribe;
        Assert.Equal(["subscribed prices/EURUSD DOUBLE", "value prices/EURUSD null -> 1.0842"], stream.Events);

        await _peer.SendBinaryAsync(ServerConnection.ValueFrame(7, 42, BitConverter.GetBytes(1.0843)));
        await _peer.SendBinaryAsync(ServerConnection.ValueFrame(7, 43, [], flags: 0b01));
        await _peer.SendUnsubscribedAsync(7, "prices/EURUSD", "REMOVED");
        Assert.Equal(
            ["subscribed prices/EURUSD DOUBLE", "value prices/EURUSD null -> 1.0842", "value prices/EURUSD 1.0842 -> 1.0843",
             "value prices/EURUSD 1.0843 -> null", "unsubscribed prices/EURUSD Removed"],
            await stream.WaitForAsync(5));
    }

    [Fact]
    public async Task Stream_yields_the_events_of_a_subscription()
    {
        await using var events = _session.Topics.Stream<string>("?demo//").GetAsyncEnumerator();
        await _peer.SendSubscribedAsync(1, "demo/greeting", "STRING");
        await _peer.SendBinaryAsync(ServerConnection.ValueFrame(1, 1, "hello"u8));
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((TopicEventKind.Subscribed, "demo/greeting"), (events.Current.Kind, events.Current.Path));
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((TopicEventKind.Value, "hello", 1L), (events.Current.Kind, events.Current.Value, events.Current.Sequence));
    }

    [Fact]
    public async Task Unknown_frame_kinds_and_message_types_are_ignored()
    {
        var stream = new RecordingStream<string>();
        using var registration = _session.Topics.AddStream("a", stream);
        await _peer.SendSubscribedAsync(1, "a", "STRING");
        await _peer.SendBinaryAsync([2, 0, 1, 0, 0, 0]);
        await _peer.SendTextAsync("""{"type":"discontinuity","topicId":1,"reason":"DROPPED"}""");
        await _peer.SendBinaryAsync(ServerConnection.ValueFrame(1, 1, "still here"u8));
        Assert.Equal(["subscribed a STRING", "value a null -> still here"], await stream.WaitForAsync(2));
        Assert.Equal(SessionState.Connected, _session.State);
    }

    [Fact]
    public async Task Fragmented_messages_from_the_server_are_reassembled()
    {
        var remove = _session.Topics.RemoveAsync("?a//");
        var request = await _peer.ReceiveRequestAsync();
        var message = Encoding.UTF8.GetBytes($$$"""{"type":"response","id":{{{request.Id}}},"result":{"removedCount":12}}""");
        await _peer.SendFragmentsAsync(message, WebSocketMessageType.Text, 10);
        Assert.Equal(12, await remove);
    }

    [Fact]
    public async Task A_stream_added_after_subscription_gets_the_cached_value()
    {
        await _peer.SendSubscribedAsync(3, "config/mode", "JSON");
        await _peer.SendBinaryAsync(ServerConnection.ValueFrame(3, 9, """{"mode": "fast"}"""u8, flags: 0b10));
        var ping = _session.PingAsync();
        await _peer.RespondAsync((await _peer.ReceiveRequestAsync()).Id, """{"serverVersion":"0.1.0","serverTime":0}""");
        await ping;
        var stream = new RecordingStream<JsonValue>();
        using var registration = _session.Topics.AddStream("config/mode", stream);
        Assert.Equal(["subscribed config/mode JSON", """value config/mode  -> {"mode": "fast"}"""], stream.Events);
    }

    [Fact]
    public async Task Closing_the_session_closes_its_streams()
    {
        var stream = new RecordingStream<string>();
        _session.Topics.AddStream("?.*//", stream);
        var closing = _session.CloseAsync();
        await _peer.AnswerCloseAsync();
        await closing;
        Assert.Equal(["closed"], stream.Events);
    }
}
