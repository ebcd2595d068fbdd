namespace Topiary.Topics;

/// <summary>Size and count limits of the topic model (spec/topics.md TOP-3, TOP-11, TOP-14, TOP-22).</summary>
public static class TopicLimits
{
    /// <summary>Default largest encoded value accepted, 1 MiB (gateway setting <c>Topiary:Limits:MaxValueBytes</c>).</summary>
    public const int DefaultMaxValueBytes = 1024 * 1024;

    /// <summary>Smallest value allowed for the <c>MaxValueBytes</c> setting, 1 KiB.</summary>
    public const int MinimumMaxValueBytes = 1024;

    /// <summary>Largest value allowed for the <c>MaxValueBytes</c> setting, 64 MiB.</summary>
    public const int MaximumMaxValueBytes = 64 * 1024 * 1024;

    /// <summary>Deepest nesting of arrays and objects accepted in a JSON value (TOP-11).</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>Largest <c>limit</c> accepted in <c>HISTORY_RANGE</c> (TOP-22).</summary>
    public const int MaxHistoryLimit = 10_000;

    /// <summary>The <c>HISTORY_RANGE</c> limit used when the property is absent and values are retained.</summary>
    public const int DefaultHistoryLimit = 128;

    /// <summary>Bytes of retained updates a topic's history may hold whatever its range, 4 MiB (TOP-72).</summary>
    public const int MaxHistoryBytes = 4 * 1024 * 1024;
}
