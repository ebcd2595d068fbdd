namespace Topiary.Topics;

/// <summary>One topic as the catalog knows it: a path and its specification, no value.</summary>
public sealed record CatalogEntry(string Path, TopicSpecificationData Specification);
