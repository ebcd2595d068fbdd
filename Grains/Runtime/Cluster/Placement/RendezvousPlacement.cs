using System.Text;

namespace Topiary.Runtime.Cluster.Placement;

/// <summary>
/// Rendezvous (highest-random-weight) hashing: a grain goes to the live silo whose hash with the grain's id is the
/// highest. Every process computes the same answer from the same member list, without coordination; when a silo
/// joins or leaves, only the grains it wins or held move (about 1/n of them), the rest stay where they are.
/// </summary>
/// <remarks>
/// Placement only says where a grain <em>should</em> live; who actually owns it is decided by its lease
/// (<see cref="Leases.IGrainLeases"/>), so two processes with momentarily different views can never both run it.
/// The hash is FNV-1a over UTF-8 with a 64-bit finaliser: stable across processes, versions and platforms
/// (never <see cref="string.GetHashCode()"/>, which is randomised per process).
/// </remarks>
public static class RendezvousPlacement
{
    /// <summary>The silo for <paramref name="grainId"/> among <paramref name="silos"/>, or <c>null</c> when there is none.</summary>
    public static string? Pick(string grainId, IEnumerable<string> silos)
    {
        ArgumentNullException.ThrowIfNull(grainId);
        ArgumentNullException.ThrowIfNull(silos);
        var grainHash = Hash(grainId, 14695981039346656037UL);
        string? best = null;
        var bestWeight = 0UL;
        foreach (var silo in silos)
        {
            var weight = Mix(Hash(silo, grainHash));
            // Ties (practically impossible) go to the ordinally smaller name, so every process agrees.
            if (best is null || weight > bestWeight || (weight == bestWeight && string.CompareOrdinal(silo, best) < 0))
            {
                (best, bestWeight) = (silo, weight);
            }
        }
        return best;
    }

    /// <summary>The silo for <paramref name="grainId"/> among the live, active silos of <paramref name="view"/>.</summary>
    public static string? Pick(string grainId, MembershipSnapshot view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Pick(grainId, view.Silos.Where(s => s.Status == MemberStatus.Active).Select(s => s.Name));
    }

    private static ulong Hash(string text, ulong seed)
    {
        var hash = seed;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(text) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash;
    }

    // SplitMix64's finaliser: FNV alone clusters for names that differ only in their last characters.
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
