namespace Topiary.Client.Topics;

/// <summary>The answer to <see cref="ITopics.FetchAsync"/>.</summary>
/// <param name="Results">The topics, in path order (spec/topics.md TOP-6).</param>
/// <param name="HasMore">True when <see cref="FetchOptions.Limit"/> cut the result; fetch again with <see cref="FetchOptions.After"/> = the last path.</param>
public sealed record FetchResult(IReadOnlyList<FetchedTopic> Results, bool HasMore);
