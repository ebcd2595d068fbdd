namespace Topiary.Topics;

/// <summary>Names of the message-bus channels that carry topic traffic to gateways.</summary>
public static class TopicChannel
{
    /// <summary>The channel of catalog changes (<see cref="TreeEvent"/>), one per deployment.</summary>
    public const string Tree = "topiary:tree";

    private const string TopicPrefix = "topiary:topic:";

    /// <summary>The channel carrying one topic's <see cref="TopicBusMessage"/>s, in sequence order.</summary>
    public static string ForTopic(string path) => TopicPrefix + path;

    /// <summary>The topic path of a channel name made by <see cref="ForTopic"/>, or null.</summary>
    public static string? PathOf(string channel) =>
        channel.StartsWith(TopicPrefix, StringComparison.Ordinal) ? channel[TopicPrefix.Length..] : null;
}
