namespace Topiary.Client.Topics;

/// <summary>What <see cref="ITopics.FetchAsync"/> returns (protocol §3.2 <c>topics.fetch</c>).</summary>
public sealed class FetchOptions
{
    /// <summary>The largest number of topics fetched; the rest is signalled by <see cref="FetchResult.HasMore"/>. 0 … 100,000; null for the server's default.</summary>
    public int? Limit { get; init; }

    /// <summary>Only topics after this path in path order (spec/topics.md TOP-6); page with the last path received.</summary>
    public string? After { get; init; }

    /// <summary>Whether values are returned. Default false.</summary>
    public bool WithValues { get; init; }

    /// <summary>Whether specification properties are returned. Default false.</summary>
    public bool WithProperties { get; init; }

    /// <summary>The largest <see cref="Limit"/> the protocol allows.</summary>
    public const int MaxLimit = 100_000;
}
