using Topiary.Topics;

namespace Topiary.Views;

/// <summary>The specification of a reference topic (VIEW-55).</summary>
internal static class ReferenceSpecifications
{
    // Copied from the source; OWNER, REMOVAL and VALIDATE_VALUES are never set, PERSISTENT is always false.
    private static readonly string[] Copied =
    [
        TopicProperties.Compression, TopicProperties.Conflation, TopicProperties.DontRetainValue, TopicProperties.Priority,
        TopicProperties.PublishValuesOnly, TopicProperties.TidyOnUnsubscribe, TopicProperties.HistoryRange,
        TopicProperties.TimeSeriesRetainedRange, TopicProperties.TimeSeriesSubscriptionRange,
        TopicProperties.TimeSeriesEventValueType, TopicProperties.Schema,
    ];

    public static TopicSpecification For(TopicSpecification source, TopicType type, IReadOnlyList<KeyValuePair<string, string>>? overrides)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in source.Properties)
        {
            if (Array.IndexOf(Copied, key) >= 0)
            {
                properties[key] = value;
            }
        }
        foreach (var (key, value) in overrides ?? [])
        {
            properties[key] = value;
        }
        properties[TopicProperties.Persistent] = "false";
        // Properties that do not apply to the reference topic's type are dropped; SCHEMA is kept as text.
        foreach (var key in properties.Keys.ToArray())
        {
            if (key != TopicProperties.Schema && !TopicProperties.AppliesTo(key, type))
            {
                properties.Remove(key);
            }
        }
        return TopicSpecification.Create(type, properties);
    }
}
