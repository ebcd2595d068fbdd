namespace Topiary.Topics;

/// <summary>
/// Result of add / addAndSet: <see cref="Added"/> is false when an equivalent topic already
/// existed (TOP-31; for addAndSet the value was then set on it, UPD-3).
/// </summary>
public sealed record AddTopicResult(bool Added, ulong Epoch, long Sequence);
