using Microsoft.Extensions.Logging;

namespace Topiary.Runtime.Cluster;

/// <summary>The cluster providers' log messages (source-generated).</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Joined cluster {ClusterId} as {MemberName} ({Role}, incarnation {Incarnation})")]
    public static partial void Joined(ILogger logger, string clusterId, string memberName, MemberRole role, string incarnation);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Left cluster {ClusterId} as {MemberName}")]
    public static partial void Left(ILogger logger, string clusterId, string memberName);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message =
        "The registration of {MemberName} was lost (it expired, or Redis lost its data); registered again as incarnation {Incarnation}")]
    public static partial void Reregistered(ILogger logger, string memberName, string incarnation);

    [LoggerMessage(EventId = 203, Level = LogLevel.Error, Message =
        "The registration of {MemberName} was lost and the name is now held by another live process; this process stays unregistered")]
    public static partial void NameTakenOver(ILogger logger, string memberName);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Could not refresh the liveness of {MemberName}: {Error}")]
    public static partial void RefreshFailed(ILogger logger, string memberName, string error);

    [LoggerMessage(EventId = 205, Level = LogLevel.Debug, Message = "Could not read the membership view; keeping the last one: {Error}")]
    public static partial void ViewNotRead(ILogger logger, string error);

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Ignored the unreadable membership record of {MemberName}")]
    public static partial void MemberRecordUnreadable(ILogger logger, Exception exception, string memberName);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information, Message = "Cluster view: {MemberCount} live members ({Members})")]
    public static partial void ViewChanged(ILogger logger, int memberCount, MembershipSnapshot members);

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "The lease of {GrainId} (token {FencingToken}) was lost; the grain must deactivate without writing")]
    public static partial void LeaseLost(ILogger logger, string grainId, long fencingToken);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "Could not renew the lease of {GrainId}: {Error}")]
    public static partial void LeaseNotRenewed(ILogger logger, string grainId, string error);

    [LoggerMessage(EventId = 212, Level = LogLevel.Error, Message = "The {Loop} loop of {MemberName} failed unexpectedly; it continues")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string loop, string memberName);
}
