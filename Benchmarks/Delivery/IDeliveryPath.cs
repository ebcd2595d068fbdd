namespace Topiary.Benchmarks.Delivery;

/// <summary>
/// A server-side way of getting one update to every connected client, for <c>socket</c>
/// (<see cref="SocketDeliveryCommand"/>). Implementations own the accepted sockets.
/// </summary>
internal interface IDeliveryPath : IAsyncDisposable
{
    /// <summary>A short name for the results table.</summary>
    string Name { get; }

    /// <summary>Stream writes (each at least one send call) made so far, over all connections.</summary>
    long Writes { get; }

    /// <summary>Delivers update <paramref name="sequence"/> to every connection; never blocks on a socket.</summary>
    void Publish(long sequence);
}
