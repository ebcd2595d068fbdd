namespace Topiary.Client.Topics;

/// <summary>Why a topic stopped being delivered to the session (spec/topics.md TOP-56).</summary>
public enum UnsubscribeReason
{
    /// <summary>Any other server-side cause, or a reason this SDK version does not know.</summary>
    Unknown,

    /// <summary>The session unsubscribed (deselected) the topic itself.</summary>
    Requested,

    /// <summary>Another session deselected it on this session's behalf.</summary>
    Control,

    /// <summary>The topic was removed.</summary>
    Removed,

    /// <summary>The session lost permission to read or select the topic.</summary>
    Authorization,

    /// <summary>The server's slow-consumer policy removed it.</summary>
    BackPressure,

    /// <summary>A session-tree mapping changed.</summary>
    BranchMappings,

    /// <summary>Client-local: a fallback stream handed the topic to a typed stream.</summary>
    StreamChange,
}
