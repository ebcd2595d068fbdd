namespace Topiary.Runtime.Cluster;

/// <summary>A live member's state as the others see it.</summary>
public enum MemberStatus
{
    /// <summary>Serving.</summary>
    Active,

    /// <summary>Shutting down gracefully: still live, but new work should go elsewhere (CLU-70, CLU-71).</summary>
    Draining,
}
