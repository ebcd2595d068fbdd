namespace Topiary.Runtime.Cluster;

/// <summary>The live members as one process last read them, ordered by name (ordinal).</summary>
public sealed class MembershipSnapshot
{
    /// <summary>A view with no members (before the first read).</summary>
    public static MembershipSnapshot Empty { get; } = new([]);

    /// <summary>Takes the members (in any order); they are sorted by name.</summary>
    public MembershipSnapshot(IEnumerable<ClusterMember> members) =>
        Members = [.. members.OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>The live members, ordered by name.</summary>
    public IReadOnlyList<ClusterMember> Members { get; }

    /// <summary>The live silos, ordered by name (placement works on this list).</summary>
    public IEnumerable<ClusterMember> Silos => Members.Where(m => m.Role == MemberRole.Silo);

    /// <summary>The member called <paramref name="name"/>, or <c>null</c>.</summary>
    public ClusterMember? Find(string name) => Members.FirstOrDefault(m => m.Name == name);

    /// <summary>Whether both list the same registrations (names, incarnations, roles, endpoints, statuses).</summary>
    public bool SameAs(MembershipSnapshot other) => Members.SequenceEqual(other?.Members ?? []);

    /// <summary>The names, comma-separated (for logs).</summary>
    public override string ToString() => string.Join(", ", Members.Select(m => m.Name));
}
