namespace Topiary.Benchmarks.Load;

/// <summary>One subscribing session of the <c>load</c> benchmark, over either endpoint (<c>--transport</c>).</summary>
internal interface ILoadSubscriber : IAsyncDisposable
{
    /// <summary>Why the gateway closed this session, if it did.</summary>
    string? ClosedBecause { get; }
}
