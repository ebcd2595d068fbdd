using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Topiary.Runtime.Messaging;

/// <summary>
/// The standalone <see cref="IMessageBus"/>: delivers synchronously on the publisher's thread.
/// </summary>
/// <remarks>
/// Each channel holds an immutable array of handlers replaced on subscribe/unsubscribe (copy-on-write),
/// so finding the subscribers takes no lock and publishing allocates nothing. Deliveries on one channel
/// are serialised by a per-channel lock, which gives every subscriber the same order and never runs a
/// handler concurrently for one channel; different channels deliver in parallel. A handler must not
/// publish to its own channel synchronously (it would be delivered nested, ahead of the current payload).
/// Because unsubscribing takes the same lock, once <c>Dispose</c> returns (on another thread than the
/// delivery) the handler is not called again.
/// </remarks>
public sealed class InProcessMessageBus(ILogger<InProcessMessageBus>? logger = null) : IMessageBus
{
    private readonly ConcurrentDictionary<string, Channel> _channels = new(StringComparer.Ordinal);
    private readonly ILogger _logger = logger ?? NullLogger<InProcessMessageBus>.Instance;

    /// <inheritdoc />
    public ValueTask PublishAsync(string channel, ReadOnlyMemory<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (_channels.TryGetValue(channel, out var entry))
        {
            entry.Deliver(payload, _logger);
        }
        return default;
    }

    /// <inheritdoc />
    public IDisposable Subscribe(string channel, Action<string, ReadOnlyMemory<byte>> handler)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, handler);
        while (true)
        {
            var entry = _channels.GetOrAdd(channel, static name => new Channel(name));
            if (entry.TryAdd(subscription))
            {
                subscription.Entry = entry;
                return subscription;
            }
            // The entry was emptied and removed concurrently; retry with a fresh one.
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        if (subscription.Entry is { } entry && entry.Remove(subscription))
        {
            _channels.TryRemove(new KeyValuePair<string, Channel>(entry.Name, entry));
        }
    }

    private sealed class Channel(string name)
    {
        private readonly Lock _gate = new();
        private Subscription[] _subscribers = [];
        private bool _removed;

        public string Name { get; } = name;

        public bool TryAdd(Subscription subscription)
        {
            lock (_gate)
            {
                if (_removed)
                {
                    return false;
                }
                _subscribers = [.. _subscribers, subscription];
                return true;
            }
        }

        /// <summary>Removes the subscription; returns true if the channel is now empty and retired.</summary>
        public bool Remove(Subscription subscription)
        {
            lock (_gate)
            {
                var index = Array.IndexOf(_subscribers, subscription);
                if (index < 0)
                {
                    return false;
                }
                _subscribers = [.. _subscribers.AsSpan(0, index), .. _subscribers.AsSpan(index + 1)];
                _removed = _subscribers.Length == 0;
                return _removed;
            }
        }

        public void Deliver(ReadOnlyMemory<byte> payload, ILogger logger)
        {
            lock (_gate)
            {
                var subscribers = _subscribers;
                for (var i = 0; i < subscribers.Length; i++)
                {
                    try
                    {
                        subscribers[i].Handler(Name, payload);
                    }
                    catch (Exception ex)
                    {
                        // One faulty subscriber must not starve the others.
                        RuntimeLog.BusHandlerFailed(logger, ex, Name);
                    }
                }
            }
        }
    }

    private sealed class Subscription(InProcessMessageBus bus, Action<string, ReadOnlyMemory<byte>> handler) : IDisposable
    {
        private int _disposed;

        public Action<string, ReadOnlyMemory<byte>> Handler { get; } = handler;

        public Channel? Entry { get; set; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bus.Unsubscribe(this);
            }
        }
    }
}
