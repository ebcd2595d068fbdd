using Topiary.Selectors;
using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// A stream added to the session: which topics it wants (selector and, for typed streams, topic
/// type) and how events reach it. Callbacks are invoked by the <see cref="SubscriptionTable"/>
/// under its lock, one at a time; disposing removes the stream and closes it once.
/// </summary>
internal abstract class StreamRegistration(TopicSelector selector, TopicType? type) : IDisposable
{
    private SubscriptionTable? _table;
    private int _closed;

    public bool Matches(string path, TopicType topicType) =>
        (type is null || type == topicType) && selector.Selects(path);

    public abstract void OnSubscribed(SubscribedTopic topic);

    public abstract void OnValue(SubscribedTopic topic, in TopicValue oldValue, in TopicValue newValue);

    public abstract void OnUnsubscribed(SubscribedTopic topic, UnsubscribeReason reason);

    /// <summary>Calls <see cref="Closed"/> the first time only.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            Closed();
        }
    }

    public void Dispose() => _table?.Remove(this);

    internal void Attach(SubscriptionTable table) => _table = table;

    protected abstract void Closed();
}
