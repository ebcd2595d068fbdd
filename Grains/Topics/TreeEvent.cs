namespace Topiary.Topics;

/// <summary>
/// A catalog change published on <see cref="TopicChannel.Tree"/>. <see cref="Version"/>
/// grows by one per change, so a replica that loaded a <see cref="CatalogSnapshot"/> of
/// version V ignores every event with a version ≤ V.
/// For <see cref="TreeEventKind.Added"/>, <see cref="Epoch"/> is the new topic's epoch: the
/// event is published before the topic publishes anything, so a gateway can follow the topic
/// from sequence 0 and give sessions that already selected its path every value.
/// </summary>
public sealed record TreeEvent(long Version, TreeEventKind Kind, string Path, TopicSpecificationData? Specification, ulong Epoch);
