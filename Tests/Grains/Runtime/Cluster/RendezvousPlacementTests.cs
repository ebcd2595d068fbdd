using Topiary.Runtime.Cluster;
using Topiary.Runtime.Cluster.Placement;

namespace Topiary.Tests.Grains.Runtime.Cluster;

[Trait("Category", TestCategories.Unit)]
public sealed class RendezvousPlacementTests
{
    private static readonly string[] Grains = [.. Enumerable.Range(0, 8_000).Select(i => $"topic/a/b/{i}")];

    [Fact]
    public void Every_process_picks_the_same_silo_whatever_the_order_of_its_list()
    {
        string[] silos = ["silo-a", "silo-b", "silo-c", "silo-d"];

        var picks = Grains.Select(g => RendezvousPlacement.Pick(g, silos)).ToList();

        Assert.Equal(picks, Grains.Select(g => RendezvousPlacement.Pick(g, silos.Reverse())));
        // Golden value: processes of different versions must agree during a rolling upgrade (CLU-73), so the hash never changes.
        Assert.Equal("silo-a", RendezvousPlacement.Pick("topic/a/b/0", silos));
    }

    [Fact]
    public void Grains_spread_evenly_over_the_silos()
    {
        string[] silos = ["silo-a", "silo-b", "silo-c", "silo-d"];

        var counts = Grains.GroupBy(g => RendezvousPlacement.Pick(g, silos)).ToDictionary(g => g.Key!, g => g.Count());

        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, count => Assert.InRange(count, 1_700, 2_300));
    }

    [Fact]
    public void When_a_silo_leaves_only_its_grains_move_and_when_one_joins_only_the_grains_it_wins_move()
    {
        string[] four = ["silo-a", "silo-b", "silo-c", "silo-d"];
        string[] three = ["silo-a", "silo-b", "silo-d"];
        string[] five = [.. four, "silo-e"];

        var moved = Grains.Where(g => RendezvousPlacement.Pick(g, four) != RendezvousPlacement.Pick(g, three)).ToList();
        var joined = Grains.Where(g => RendezvousPlacement.Pick(g, four) != RendezvousPlacement.Pick(g, five)).ToList();

        Assert.All(moved, g => Assert.Equal("silo-c", RendezvousPlacement.Pick(g, four)));
        Assert.All(joined, g => Assert.Equal("silo-e", RendezvousPlacement.Pick(g, five)));
        Assert.InRange(joined.Count, 1_300, 1_900); // about 1/5 of 8,000
    }

    [Fact]
    public void Only_active_silos_of_a_view_receive_grains()
    {
        var now = DateTimeOffset.UnixEpoch;
        var view = new MembershipSnapshot([
            new ClusterMember("silo-a", MemberRole.Silo, "a", "1", MemberStatus.Active, now),
            new ClusterMember("silo-b", MemberRole.Silo, "b", "2", MemberStatus.Draining, now),
            new ClusterMember("gateway-a", MemberRole.Gateway, "g", "3", MemberStatus.Active, now),
        ]);

        Assert.All(Grains.Take(200), g => Assert.Equal("silo-a", RendezvousPlacement.Pick(g, view)));
        Assert.Null(RendezvousPlacement.Pick("topic/x", MembershipSnapshot.Empty));
    }
}
