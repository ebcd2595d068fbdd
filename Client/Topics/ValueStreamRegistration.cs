using Topiary.Selectors;
using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>Adapts an application's <see cref="IValueStream{T}"/>: converts cached wire values to <typeparamref name="T"/> per delivery.</summary>
internal sealed class ValueStreamRegistration<T>(TopicSelector selector, IValueStream<T> stream)
    : StreamRegistration(selector, ValueTypes.TopicTypeOf<T>())
{
    public override void OnSubscribed(SubscribedTopic topic) => stream.OnSubscribed(topic.Path, topic.Specification);

    public override void OnValue(SubscribedTopic topic, in TopicValue oldValue, in TopicValue newValue)
    {
        if (!newValue.HasValue && ValueTypes.CannotRepresentNoValue<T>())
        {
            return;
        }
        stream.OnValue(topic.Path, topic.Specification, ValueReader.Decode<T>(oldValue), ValueReader.Decode<T>(newValue));
    }

    public override void OnUnsubscribed(SubscribedTopic topic, UnsubscribeReason reason) => stream.OnUnsubscribed(topic.Path, reason);

    protected override void Closed() => stream.OnClosed();
}
