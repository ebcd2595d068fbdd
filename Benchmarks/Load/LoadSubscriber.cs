using System.Net.WebSockets;

namespace Topiary.Benchmarks.Load;

/// <summary>
/// One subscribing session of the <c>load</c> benchmark over a bare <see cref="ClientWebSocket"/>,
/// on either endpoint (<c>--transport native|signalr</c>): the socket, the receive loop's
/// lifetime, the subscription's completion, and why the gateway closed the session if it did.
/// </summary>
internal abstract class LoadSubscriber(DeliveryStatistics statistics) : IAsyncDisposable
{
    private Task _receiving = Task.CompletedTask;

    /// <summary>Why the gateway closed this session, if it did (its <c>closing</c> message, or the lost connection).</summary>
    public string? ClosedBecause { get; protected set; }

    // No keep-alive frames: the load tool reads only what the gateway sends on its own.
    protected ClientWebSocket Socket { get; } = new() { Options = { KeepAliveInterval = TimeSpan.Zero } };

    protected DeliveryStatistics Statistics { get; } = statistics;

    /// <summary>Completed by the subclass when the gateway answered the subscription.</summary>
    protected TaskCompletionSource Subscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        Socket.Abort();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Socket.Dispose();
    }

    /// <summary>Starts <see cref="ReceiveLoopAsync"/>; when it ends, a subscription still waiting fails with the reason.</summary>
    protected void StartReceiving() => _receiving = RunReceiverAsync();

    /// <summary>Reads until the gateway closes the connection (setting <see cref="ClosedBecause"/>).</summary>
    protected abstract Task ReceiveLoopAsync();

    private async Task RunReceiverAsync()
    {
        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            ClosedBecause ??= "connection lost: " + exception.Message;
        }
        Subscribed.TrySetException(new InvalidOperationException($"the session ended before subscribing: {ClosedBecause}"));
    }
}
