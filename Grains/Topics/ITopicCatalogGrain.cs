using Topiary.Runtime;

namespace Topiary.Topics;

/// <summary>
/// The index of every topic (paths and specifications, never values), one per deployment
/// under the key <see cref="TopicCatalogGrain.Key"/>. It is derived from the topic records,
/// so it never holds the only copy of anything: on activation it is rebuilt from storage.
/// Topic grains report their changes to it; it never calls a topic grain (no call cycles).
/// </summary>
public interface ITopicCatalogGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records that a topic now exists, and publishes <see cref="TreeEventKind.Added"/>. Called by
    /// the topic before it publishes its first value.
    /// </summary>
    Task RecordAddedAsync(string path, TopicSpecificationData specification, ulong epoch);

    /// <summary>Records that a topic no longer exists, and publishes <see cref="TreeEventKind.Removed"/>.</summary>
    Task RecordRemovedAsync(string path);

    /// <summary>The whole catalog, for a gateway building its replica.</summary>
    Task<CatalogSnapshot> GetSnapshotAsync();

    /// <summary>Topics selected by <paramref name="selector"/> in path order, strictly after <paramref name="after"/> when given.</summary>
    Task<CatalogPage> SelectAsync(string selector, string? after, int limit);

    /// <summary>
    /// Start of a deployment from cold: removes the stored records of non-persistent topics
    /// (TOP-22 PERSISTENT=false). Returns how many were removed.
    /// </summary>
    Task<int> ColdStartAsync();
}
