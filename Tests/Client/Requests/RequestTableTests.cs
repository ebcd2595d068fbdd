using System.Text.Json;
using Topiary.Client.Requests;
using Topiary.Errors;

namespace Topiary.Tests.Client.Requests;

/// <summary>Correlation of responses to requests by id (protocol §3), timeouts (ERR-22) and lost connections (SES-72).</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class RequestTableTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ManualTimeProvider _time = new();
    private readonly RequestTable _table;

    public RequestTableTests() => _table = new RequestTable(_time, Timeout);

    [Fact]
    public void Ids_are_unique_and_increasing()
    {
        var first = _table.NextId();
        Assert.Equal(1, first);
        Assert.Equal(2, _table.NextId());
    }

    [Fact]
    public async Task Responses_complete_the_request_with_their_id_in_any_order()
    {
        var one = Add("topics.set");
        var two = Add("topics.set");
        Assert.True(_table.TryComplete(two.Id, Response("""{"result":{"sequence":2}}""")));
        Assert.True(_table.TryComplete(one.Id, Response("""{"result":{"sequence":1}}""")));
        Assert.Equal(1, await one.Task);
        Assert.Equal(2, await two.Task);
        Assert.Equal(0, _table.Count);
    }

    [Fact]
    public async Task ERR_2_error_responses_fail_with_the_servers_envelope()
    {
        var request = Add("topics.set");
        _table.TryComplete(request.Id, Response("""
            {"error":{"code":2000,"name":"NOT_FOUND","message":"NOT_FOUND: no topic 'a'","retryable":false,"outcome":"NOT_APPLIED","details":{"kind":"topic","name":"a"},"correlationId":"c1"}}
            """));
        var exception = await Assert.ThrowsAsync<TopiaryStateException>(() => request.Task);
        Assert.Equal(ErrorCode.NotFound, exception.Code);
        Assert.Equal("NOT_FOUND: no topic 'a'", exception.Message);
        Assert.Equal("c1", exception.Error.CorrelationId);
    }

    [Fact]
    public async Task ERR_22_no_answer_within_the_timeout_fails_with_TIMEOUT_and_a_late_answer_is_ignored()
    {
        var request = Add("topics.add");
        _time.Advance(Timeout - TimeSpan.FromTicks(1));
        Assert.False(request.Task.IsCompleted);
        _time.Advance(TimeSpan.FromTicks(1));
        var exception = await Assert.ThrowsAsync<TopiaryOutcomeUnknownException>(() => request.Task);
        Assert.Equal(ErrorCode.Timeout, exception.Code);
        Assert.Equal(ErrorEnvelope.Unknown, exception.Error.Outcome);
        Assert.Equal(10_000, exception.Error.Details!["timeoutMs"]!.GetValue<long>());
        Assert.Contains("topics.add", exception.Message, StringComparison.Ordinal);
        Assert.False(_table.TryComplete(request.Id, Response("""{"result":{"sequence":1}}""")));
    }

    [Fact]
    public async Task An_answered_request_does_not_time_out()
    {
        var request = Add("topics.set");
        _table.TryComplete(request.Id, Response("""{"result":{"sequence":7}}"""));
        _time.Advance(Timeout * 2);
        Assert.Equal(7, await request.Task);
    }

    [Fact]
    public async Task SES_72_lost_connection_fails_requests_in_flight_with_OUTCOME_UNKNOWN_and_later_ones_with_SESSION_CLOSED()
    {
        var request = Add("topics.set");
        _table.FailAll("CONNECTION_LOST");
        var exception = await Assert.ThrowsAsync<TopiaryOutcomeUnknownException>(() => request.Task);
        Assert.Equal(ErrorCode.OutcomeUnknown, exception.Code);
        Assert.Equal("CONNECTION_LOST", exception.Error.Details!["reason"]!.GetValue<string>());
        var closed = Assert.ThrowsAny<TopiaryException>(() => Add("topics.set"));
        Assert.Equal(ErrorCode.SessionClosed, closed.Code);
        Assert.Equal("CONNECTION_LOST", closed.Error.Details!["closeReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Abandoning_with_cancellation_cancels_the_task()
    {
        using var cancellation = new CancellationTokenSource();
        var request = Add("topics.fetch");
        cancellation.Cancel();
        _table.Abandon(request, new OperationCanceledException(cancellation.Token));
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.Task);
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.False(_table.TryComplete(request.Id, Response("""{"result":{"sequence":1}}""")));
    }

    [Theory]
    [InlineData("""{"result":{"wrong":1}}""")]
    [InlineData("""{"result":{"sequence":"x"}}""")]
    [InlineData("""{"neither":true}""")]
    [InlineData("""{"error":"boom"}""")]
    public async Task Malformed_answers_fail_only_their_request(string response)
    {
        var request = Add("topics.set");
        Assert.True(_table.TryComplete(request.Id, Response(response)));
        var exception = await Assert.ThrowsAsync<TopiaryOutcomeUnknownException>(() => request.Task);
        Assert.Equal(ErrorCode.InternalError, exception.Code);
        Assert.Contains("topics.set", exception.Message, StringComparison.Ordinal);
    }

    private PendingRequest<long> Add(string op)
    {
        var request = new PendingRequest<long>(_table.NextId(), op, static result => result.GetProperty("sequence"u8).GetInt64());
        _table.Add(request);
        return request;
    }

    private static JsonElement Response(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
