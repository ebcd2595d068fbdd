using Topiary.Client.Topics;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Tests.Client.Topics;

/// <summary><see cref="ITopics.Stream{T}(string, CancellationToken)"/>: topic events as an async sequence over a bounded buffer.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class TopicEventStreamTests
{
    private readonly SubscriptionTable _table = new(_ => { });
    private readonly TopicsClient _topics;

    public TopicEventStreamTests() => _topics = new TopicsClient(new RecordingSender(), _table, TimeProvider.System);

    [Fact]
    public async Task Events_arrive_in_order_with_kind_value_sequence_and_reason()
    {
        var events = _topics.Stream<string>("?a//");
        _table.OnSubscribed(1, "a/b", TopicSpecification.Create(TopicType.String), epoch: 1, sequence: 4);
        _table.DeliverText(1, 5, "five");
        _table.DeliverNoValue(1, 6);
        _table.OnUnsubscribed(1, UnsubscribeReason.Removed);
        _table.Close();
        var received = new List<TopicEvent<string>>();
        await foreach (var item in events)
        {
            received.Add(item);
        }
        Assert.Equal(
            [(TopicEventKind.Subscribed, null, 4L, null), (TopicEventKind.Value, "five", 5L, null), (TopicEventKind.Value, null, 6L, null),
             (TopicEventKind.Unsubscribed, null, 6L, (UnsubscribeReason?)UnsubscribeReason.Removed)],
            received.Select(e => (e.Kind, e.Value, e.Sequence, e.Reason)));
        Assert.All(received, e => Assert.Equal("a/b", e.Path));
        Assert.All(received, e => Assert.Equal(TopicType.String, e.Specification.Type));
    }

    [Fact]
    public async Task Registered_at_once_so_nothing_before_the_first_MoveNext_is_lost()
    {
        var events = _topics.Stream<long?>("n");
        _table.OnSubscribed(1, "n", TopicSpecification.Create(TopicType.Int64), epoch: 1, sequence: 0);
        _table.Deliver(1, 1, TopicValues.Encode(7L).Span.ToArray());
        await using var enumerator = events.GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(7L, enumerator.Current.Value);
    }

    [Fact]
    public async Task A_consumer_that_falls_behind_ends_with_LIMIT_EXCEEDED_instead_of_stalling_the_session()
    {
        var events = _topics.Stream<string>("a", capacity: 2);
        _table.OnSubscribed(1, "a", TopicSpecification.Create(TopicType.String), epoch: 1, sequence: 0);
        _table.DeliverText(1, 1, "one");
        _table.DeliverText(1, 2, "two");
        var received = 0;
        var exception = await Assert.ThrowsAsync<TopiaryCapacityException>(async () =>
        {
            await foreach (var item in events)
            {
                received++;
            }
        });
        Assert.Equal(2, received);
        Assert.Equal(ErrorCode.LimitExceeded, exception.Code);
        Assert.Equal(2, exception.Error.Details!["maximum"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cancelling_ends_the_enumeration_and_removes_the_stream()
    {
        using var cancellation = new CancellationTokenSource();
        var events = _topics.Stream<string>("a", cancellation.Token);
        _table.OnSubscribed(1, "a", TopicSpecification.Create(TopicType.String), epoch: 1, sequence: 0);
        await using var enumerator = events.GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        var next = enumerator.MoveNextAsync();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
    }

    [Fact]
    public async Task Cancelling_an_unread_stream_removes_it()
    {
        using var cancellation = new CancellationTokenSource();
        var events = _topics.Stream<string>("a", capacity: 1, cancellation.Token);
        await cancellation.CancelAsync();
        _table.OnSubscribed(1, "a", TopicSpecification.Create(TopicType.String), epoch: 1, sequence: 0);
        _table.DeliverText(1, 1, "not buffered");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in events)
            {
            }
        });
    }

    [Fact]
    public async Task It_can_be_enumerated_only_once()
    {
        var events = _topics.Stream<string>("a");
        await using var first = events.GetAsyncEnumerator();
        _table.Close();
        Assert.False(await first.MoveNextAsync());
        await using var second = events.GetAsyncEnumerator();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await second.MoveNextAsync());
    }

}
