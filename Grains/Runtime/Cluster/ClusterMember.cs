namespace Topiary.Runtime.Cluster;

/// <summary>One registration of a live process in the cluster.</summary>
/// <param name="Name">The member name, unique among live members (CLU-1).</param>
/// <param name="Role">Silo or gateway.</param>
/// <param name="Endpoint">Where other processes reach it (address or channel name); opaque to membership.</param>
/// <param name="Incarnation">Random per registration: a process that lost its registration and registers again is a new incarnation.</param>
/// <param name="Status">Active or draining.</param>
/// <param name="JoinedAt">When this incarnation registered, by its own clock (informational only; nothing is decided on it).</param>
public sealed record ClusterMember(string Name, MemberRole Role, string Endpoint, string Incarnation, MemberStatus Status, DateTimeOffset JoinedAt);
