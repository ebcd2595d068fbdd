using Topiary.Runtime.Cluster.Leases;
using Topiary.Runtime.Storage;

namespace Topiary.Tests.Grains.Runtime.Cluster;

/// <summary>One "silo" of an ownership test: its own lease client and its own database pool.</summary>
internal sealed record ContendingSilo(string Name, IGrainLeases Leases, IFencedGrainStateStore Store);
