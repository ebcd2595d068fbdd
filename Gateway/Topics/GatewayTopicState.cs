namespace Topiary.Gateway.Topics;

/// <summary>Whether a gateway follows a topic's channel.</summary>
internal enum GatewayTopicState
{
    /// <summary>No local subscriber; the channel is not followed.</summary>
    Idle,

    /// <summary>Channel followed, snapshot requested; updates are buffered until it arrives.</summary>
    Loading,

    /// <summary>Following the channel with a current cached position and value.</summary>
    Live,

    /// <summary>The topic was removed; this object is finished.</summary>
    Removed,
}
