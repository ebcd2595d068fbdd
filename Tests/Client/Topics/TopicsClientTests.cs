using Topiary.Client.Topics;
using Topiary.Errors;
using Topiary.Tests.Abstractions.Topics;
using Topiary.Topics;

namespace Topiary.Tests.Client.Topics;

/// <summary>The topic operations' requests (protocol §3.2), and local validation that fails before sending (ERR-34).</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class TopicsClientTests
{
    private readonly RecordingSender _sender = new();
    private readonly TopicsClient _topics;

    public TopicsClientTests() => _topics = new TopicsClient(_sender, new SubscriptionTable(_ => { }), TimeProvider.System);

    [Fact]
    public async Task Add_sends_path_type_and_canonical_properties()
    {
        _sender.Result = """{"added":true}""";
        var specification = TopicSpecification.Create(TopicType.Double, new Dictionary<string, string> { ["persistent"] = "FALSE" });
        Assert.True(await _topics.AddAsync("prices/EURUSD", specification));
        _sender.Result = """{"added":false}""";
        Assert.False(await _topics.AddAsync("prices/GBPUSD", TopicType.String));
        Assert.Equal("""{"path":"prices/EURUSD","type":"DOUBLE","properties":{"PERSISTENT":"false"}}""", Args(0));
        Assert.Equal("""{"path":"prices/GBPUSD","type":"STRING"}""", Args(1));
        Assert.Equal(["topics.add", "topics.add"], _sender.Sent.Select(s => s.Op));
    }

    [Fact]
    public async Task AddAndSet_sends_the_value_and_reads_added_and_sequence()
    {
        _sender.Result = """{"added":true,"sequence":1}""";
        var result = await _topics.AddAndSetAsync("counters/a", TopicType.Int64, long.MaxValue);
        Assert.Equal(new AddAndSetResult(true, 1), result);
        Assert.Equal("topics.addAndSet", _sender.Sent[0].Op);
        Assert.Equal("""{"path":"counters/a","type":"INT64","value":"9223372036854775807"}""", Args(0));
    }

    [Fact]
    public async Task Set_sends_the_value_with_its_type_and_returns_the_sequence()
    {
        _sender.Result = """{"sequence":42}""";
        Assert.Equal(42, await _topics.SetAsync("a/b", JsonValue.Parse("""{"bid":1.10}""")));
        Assert.Equal("""{"path":"a/b","type":"JSON","value":"{\"bid\":1.10}"}""", Args(0));
    }

    [Fact]
    public async Task Remove_fetch_subscribe_and_unsubscribe_send_the_selector()
    {
        _sender.Result = """{"removedCount":3}""";
        Assert.Equal(3, await _topics.RemoveAsync("?a//"));
        _sender.Result = "{}";
        await _topics.SubscribeAsync("?a//");
        await _topics.UnsubscribeAsync(">a/b");
        Assert.Equal(["topics.remove", "topics.subscribe", "topics.unsubscribe"], _sender.Sent.Select(s => s.Op));
        Assert.Equal("""{"selector":"?a//"}""", Args(0));
        Assert.Equal("""{"selector":">a/b"}""", Args(2));
    }

    [Fact]
    public async Task Fetch_sends_only_the_options_given_and_reads_results_in_order()
    {
        _sender.Result = """
            {"results":[
              {"path":"a/b","type":"INT64","value":"-9223372036854775808","sequence":4,"properties":{"PERSISTENT":"false"}},
              {"path":"a/c","type":"STRING"},
              {"path":"a/d","type":"BINARY","value":"AAEC"}],
             "hasMore":true}
            """;
        var result = await _topics.FetchAsync("?a//", new FetchOptions { Limit = 3, After = "a/a", WithValues = true, WithProperties = true });
        Assert.Equal("""{"selector":"?a//","limit":3,"after":"a/a","withValues":true,"withProperties":true}""", Args(0));
        Assert.True(result.HasMore);
        Assert.Equal(["a/b", "a/c", "a/d"], result.Results.Select(r => r.Path));
        var first = result.Results[0];
        Assert.Equal((TopicType.Int64, long.MinValue, 4L), (first.Type, first.GetValue<long>(), first.Sequence!.Value));
        Assert.Equal("false", first.Properties!["PERSISTENT"]);
        Assert.False(result.Results[1].HasValue);
        Assert.Null(result.Results[1].Properties);
        Assert.Equal(new byte[] { 0, 1, 2 }, result.Results[2].GetValue<byte[]>());

        await _topics.FetchAsync("?a//");
        Assert.Equal("""{"selector":"?a//"}""", Args(1));
    }

    [Fact]
    public async Task ERR_21_fetch_is_retried_on_transient_errors_up_to_3_attempts()
    {
        _sender.Result = """{"results":[],"hasMore":false}""";
        _sender.Failures.Enqueue(TopiaryException.Create(ErrorCode.Retryable, "owner moving"));
        _sender.Failures.Enqueue(TopiaryException.Create(ErrorCode.ClusterUnavailable, "no quorum"));
        var result = await _topics.FetchAsync("?a//");
        Assert.False(result.HasMore);
        Assert.Equal(3, _sender.Sent.Count);

        _sender.Failures.Enqueue(TopiaryException.Create(ErrorCode.ServerInitialising, "starting"));
        _sender.Failures.Enqueue(TopiaryException.Create(ErrorCode.Retryable, "owner moving"));
        _sender.Failures.Enqueue(TopiaryException.Create(ErrorCode.Retryable, "still moving"));
        var exception = await Assert.ThrowsAsync<TopiaryTransientException>(() => _topics.FetchAsync("?a//"));
        Assert.Equal("RETRYABLE: still moving", exception.Message);
        Assert.Equal(6, _sender.Sent.Count);
    }

    [Fact]
    public async Task ERR_21_other_errors_and_other_operations_are_not_retried()
    {
        _sender.Failures.Enqueue(TopiaryException.Create(ErrorCode.PermissionDenied, "no READ_TOPIC"));
        await Assert.ThrowsAsync<TopiarySecurityException>(() => _topics.FetchAsync("?a//"));
        _sender.Failures.Enqueue(TopiaryException.Create(ErrorCode.Timeout, "slow"));
        await Assert.ThrowsAsync<TopiaryOutcomeUnknownException>(() => _topics.FetchAsync("?a//"));
        _sender.Failures.Enqueue(TopiaryException.Create(ErrorCode.Retryable, "owner moving"));
        await Assert.ThrowsAsync<TopiaryTransientException>(() => _topics.SetAsync("a", "x"));
        Assert.Equal(3, _sender.Sent.Count);
    }

    [Fact]
    public void ERR_34_invalid_paths_fail_with_INVALID_PATH_before_sending()
    {
        Assert.Equal("EMPTY_SEGMENT", ErrorAssert.Throws(ErrorCode.InvalidPath, () => _topics.AddAsync("a//b", TopicType.String)).Text("reason"));
        ErrorAssert.Throws(ErrorCode.InvalidPath, () => _topics.SetAsync("/a", "x"));
        ErrorAssert.Throws(ErrorCode.InvalidPath, () => _topics.AddAndSetAsync("a/", TopicType.String, "x"));
        ErrorAssert.Throws(ErrorCode.InvalidPath, () => _topics.FetchAsync("?a//", new FetchOptions { After = "" }));
        Assert.Equal("RESERVED", ErrorAssert.Throws(ErrorCode.InvalidPath, () => _topics.AddAsync("$system/x", TopicType.String)).Text("reason"));
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public void ERR_34_invalid_selectors_fail_with_INVALID_SELECTOR_before_sending()
    {
        ErrorAssert.Throws(ErrorCode.InvalidSelector, () => _topics.SubscribeAsync("?"));
        ErrorAssert.Throws(ErrorCode.InvalidSelector, () => _topics.UnsubscribeAsync("$reserved"));
        ErrorAssert.Throws(ErrorCode.InvalidSelector, () => _topics.RemoveAsync("%x"));
        ErrorAssert.Throws(ErrorCode.InvalidSelector, () => _topics.FetchAsync("&x"));
        ErrorAssert.Throws(ErrorCode.InvalidSelector, () => _topics.AddStream("<x", new RecordingStream<string>()));
        ErrorAssert.Throws(ErrorCode.InvalidSelector, () => _topics.Stream<string>("?"));
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public void ERR_34_values_fail_before_sending()
    {
        ErrorAssert.Throws(ErrorCode.IncompatibleType, () => _topics.AddAndSetAsync("a", TopicType.Double, "text"));
        ErrorAssert.Throws(ErrorCode.IncompatibleType, () => _topics.AddAndSetAsync("a", TopicSpecification.Create(TopicType.Json), 1L));
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => _topics.SetAsync("a", 1));
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => _topics.AddStream("a", new RecordingStream<int>()));
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public void ERR_34_options_and_nulls_fail_with_INVALID_ARGUMENT_before_sending()
    {
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => _topics.FetchAsync("a", new FetchOptions { Limit = -1 }));
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => _topics.FetchAsync("a", new FetchOptions { Limit = 100_001 }));
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => _topics.Stream<string>("a", capacity: 0));
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => _topics.AddAsync(null!, TopicType.Json));
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => _topics.AddAsync("a", (TopicSpecification)null!));
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => _topics.SubscribeAsync(null!));
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => _topics.AddStream<string>("a", null!));
        Assert.Empty(_sender.Sent);
    }

    private string Args(int index) => _sender.Sent[index].Args.GetRawText();
}
