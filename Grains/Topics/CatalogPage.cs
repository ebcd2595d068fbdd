namespace Topiary.Topics;

/// <summary>Topics a selector selects, in path order; <see cref="HasMore"/> when the limit cut the list.</summary>
public sealed record CatalogPage(List<CatalogEntry> Entries, bool HasMore);
