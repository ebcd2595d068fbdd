using System.Threading.Channels;
using Topiary.Client.Requests;
using Topiary.Selectors;
using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// The stream behind <see cref="ITopics.Stream{T}(string, int, CancellationToken)"/>: registered at
/// once (so nothing between the call and the first <c>MoveNextAsync</c> is lost), buffering events
/// in a bounded channel for one consumer.
/// </summary>
/// <remarks>
/// Delivery never blocks the receive loop: when the consumer falls <c>capacity</c> events behind,
/// the enumeration fails with LIMIT_EXCEEDED and the stream is removed — a loud end rather than a
/// stalled session or silently lost values. The enumeration ends normally when the session
/// closes, and with <see cref="OperationCanceledException"/> when a token is cancelled.
/// </remarks>
internal sealed class TopicEventStream<T> : StreamRegistration, IAsyncEnumerable<TopicEvent<T>>
{
    private readonly Channel<TopicEvent<T>> _channel;
    private readonly int _capacity;
    private readonly CancellationToken _cancellationToken;
    private CancellationTokenRegistration _cancellation;
    private int _enumerated;

    public TopicEventStream(TopicSelector selector, int capacity, CancellationToken cancellationToken)
        : base(selector, ValueTypes.TopicTypeOf<T>())
    {
        _capacity = capacity;
        _cancellationToken = cancellationToken;
        _channel = Channel.CreateBounded<TopicEvent<T>>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Makes cancelling the token remove the stream even if nobody enumerates it; call after adding it to the table.</summary>
    public void RemoveOnCancellation() =>
        _cancellation = _cancellationToken.Register(static state => ((IDisposable)state!).Dispose(), this);

    public override void OnSubscribed(SubscribedTopic topic) =>
        Write(new TopicEvent<T>(TopicEventKind.Subscribed, topic.Path, topic.Specification, default, topic.Sequence, null));

    public override void OnValue(SubscribedTopic topic, in TopicValue oldValue, in TopicValue newValue)
    {
        if (!newValue.HasValue && ValueTypes.CannotRepresentNoValue<T>())
        {
            return;
        }
        Write(new TopicEvent<T>(TopicEventKind.Value, topic.Path, topic.Specification, ValueReader.Decode<T>(newValue), topic.Sequence, null));
    }

    public override void OnUnsubscribed(SubscribedTopic topic, UnsubscribeReason reason) =>
        Write(new TopicEvent<T>(TopicEventKind.Unsubscribed, topic.Path, topic.Specification, default, topic.Sequence, reason));

    public async IAsyncEnumerator<TopicEvent<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("a topic event stream can be enumerated only once; call Stream again for another");
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellationToken);
        try
        {
            await foreach (var item in _channel.Reader.ReadAllAsync(linked.Token))
            {
                yield return item;
            }
        }
        finally
        {
            Dispose();
        }
    }

    protected override void Closed()
    {
        _cancellation.Unregister();
        _channel.Writer.TryComplete();
    }

    private void Write(TopicEvent<T> item)
    {
        if (!_channel.Writer.TryWrite(item) && _channel.Writer.TryComplete(ClientErrors.StreamOverflow(_capacity)))
        {
            // Removing the stream from inside a delivery is safe: the table's lock is re-entrant.
            Dispose();
        }
    }
}
