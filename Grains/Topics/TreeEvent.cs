namespace Topiary.Topics;

/// <summary>
/// A catalog change published on <see cref="TopicChannel.Tree"/>. <see cref="Version"/>
/// grows by one per change, so a replica that loaded a <see cref="CatalogSnapshot"/> of
/// version V ignores every event with a version ≤ V.
/// </summary>
public sealed record TreeEvent(long Version, TreeEventKind Kind, string Path, TopicSpecificationData? Specification);
