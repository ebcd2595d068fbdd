namespace Topiary.Topics;

/// <summary>The whole catalog at <see cref="Version"/>, in path order.</summary>
public sealed record CatalogSnapshot(long Version, List<CatalogEntry> Entries);
