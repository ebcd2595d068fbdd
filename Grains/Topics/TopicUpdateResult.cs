namespace Topiary.Topics;

/// <summary>The position of an accepted update in its topic's stream (spec/topics.md TOP-70).</summary>
public sealed record TopicUpdateResult(ulong Epoch, long Sequence);
