namespace Topiary.Topics;

/// <summary>
/// The keys of topic properties (spec/topics.md TOP-22), in their canonical upper-case form,
/// and which topic types each applies to. A key that does not apply to a type is still
/// accepted (TOP-21) but has no effect and is ignored by equivalence (TOP-24).
/// </summary>
public static class TopicProperties
{
    /// <summary><c>true</c> disables deltas. Boolean, default <c>false</c>; JSON, STRING, BINARY, TIME_SERIES.</summary>
    public const string PublishValuesOnly = "PUBLISH_VALUES_ONLY";

    /// <summary><c>true</c>: no current value is kept. Boolean, default <c>false</c>; all but TIME_SERIES.</summary>
    public const string DontRetainValue = "DONT_RETAIN_VALUE";

    /// <summary><c>true</c>: queued updates are discarded on unsubscription. Boolean, default <c>false</c>; all types.</summary>
    public const string TidyOnUnsubscribe = "TIDY_ON_UNSUBSCRIBE";

    /// <summary><c>true</c>: stricter value checks (duplicate JSON members, non-finite doubles). Boolean, default <c>false</c>; all types.</summary>
    public const string ValidateValues = "VALIDATE_VALUES";

    /// <summary>Whether the topic survives a cold cluster start. Boolean, default <c>true</c>; all types.</summary>
    public const string Persistent = "PERSISTENT";

    /// <summary>A removal policy (spec/updating.md UPD-80). Absent by default; all types.</summary>
    public const string Removal = "REMOVAL";

    /// <summary><c>off</c>, <c>conflate</c>, <c>unsubscribe</c> or <c>always</c>; default <c>conflate</c>; all types.</summary>
    public const string Conflation = "CONFLATION";

    /// <summary><c>$Principal is "name"</c>. Absent by default; all types.</summary>
    public const string Owner = "OWNER";

    /// <summary><c>low</c>, <c>default</c> or <c>high</c>; default <c>default</c>; all types.</summary>
    public const string Priority = "PRIORITY";

    /// <summary><c>off</c>, <c>low</c>, <c>medium</c>, <c>high</c> (legacy <c>true</c>, <c>false</c>); default <c>low</c>; JSON, STRING, BINARY, TIME_SERIES.</summary>
    public const string Compression = "COMPRESSION";

    /// <summary>Event type of a TIME_SERIES topic (required there): <c>json</c>, <c>string</c>, <c>int64</c>, <c>double</c>, <c>binary</c>.</summary>
    public const string TimeSeriesEventValueType = "TIME_SERIES_EVENT_VALUE_TYPE";

    /// <summary>Range expression of the events a TIME_SERIES topic keeps; default <c>limit 10</c>.</summary>
    public const string TimeSeriesRetainedRange = "TIME_SERIES_RETAINED_RANGE";

    /// <summary>Range expression of the events sent to a new TIME_SERIES subscriber.</summary>
    public const string TimeSeriesSubscriptionRange = "TIME_SERIES_SUBSCRIPTION_RANGE";

    /// <summary>Schema text of RECORD_V2 topics; recognised for compatibility, applies to no supported type.</summary>
    public const string Schema = "SCHEMA";

    /// <summary>Range expression of the recent updates kept for recovery; default <c>limit 128</c> (<c>limit 0</c> without a retained value); all but TIME_SERIES.</summary>
    public const string HistoryRange = "HISTORY_RANGE";

    /// <summary>Every known key, in the order of TOP-22.</summary>
    public static IReadOnlyList<string> All { get; } = PropertyDefinition.All.Select(d => d.Key).ToArray();

    /// <summary>Whether <paramref name="key"/> (canonical, upper case) has an effect on topics of <paramref name="type"/>; false for unknown keys.</summary>
    public static bool AppliesTo(string key, TopicType type) =>
        PropertyDefinition.TryFind(key, out var definition) && definition.AppliesTo(type);
}
