namespace Topiary.Runtime.Cluster;

/// <summary>What a cluster member does.</summary>
public enum MemberRole
{
    /// <summary>Hosts grain activations.</summary>
    Silo,

    /// <summary>Terminates client connections.</summary>
    Gateway,
}
