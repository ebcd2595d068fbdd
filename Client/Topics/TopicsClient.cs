using System.Text.Json;
using Topiary.Client.Protocol;
using Topiary.Client.Requests;
using Topiary.Errors;
using Topiary.Selectors;
using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// <see cref="ITopics"/> over an <see cref="IRequestSender"/> and the session's
/// <see cref="SubscriptionTable"/>. Paths, selectors and values are checked here, before a
/// request exists (ERR-34), with the parsers the server uses.
/// </summary>
internal sealed class TopicsClient(IRequestSender sender, SubscriptionTable subscriptions, TimeProvider time) : ITopics
{
    /// <summary>ERR-21: read-only requests are tried at most this often on a transient (class 2) error.</summary>
    public const int MaxReadAttempts = 3;

    // ERR-20 backoff: 100 ms, doubling, with jitter.
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Buffer of <see cref="Stream{T}(string, CancellationToken)"/>.</summary>
    public const int DefaultStreamCapacity = 1024;

    private const int MaxStreamCapacity = 1_000_000;

    public Task<bool> AddAsync(string path, TopicType type, CancellationToken cancellationToken = default)
    {
        ValidatePathForAdd(path);
        return sender.SendAsync(WireNames.TopicsAdd, new AddArgs(path, type, null), TopicRequests.ReadAdded, cancellationToken);
    }

    public Task<bool> AddAsync(string path, TopicSpecification specification, CancellationToken cancellationToken = default)
    {
        ValidatePathForAdd(path);
        ClientErrors.NotNull(specification, nameof(specification));
        return sender.SendAsync(
            WireNames.TopicsAdd, new AddArgs(path, specification.Type, specification.Properties), TopicRequests.ReadAdded, cancellationToken);
    }

    public Task<AddAndSetResult> AddAndSetAsync<T>(string path, TopicType type, T value, CancellationToken cancellationToken = default) =>
        AddAndSet(path, type, null, value, cancellationToken);

    public Task<AddAndSetResult> AddAndSetAsync<T>(string path, TopicSpecification specification, T value, CancellationToken cancellationToken = default)
    {
        ClientErrors.NotNull(specification, nameof(specification));
        return AddAndSet(path, specification.Type, specification.Properties, value, cancellationToken);
    }

    public Task<long> SetAsync<T>(string path, T value, CancellationToken cancellationToken = default)
    {
        ValidatePath(path);
        ValueWriter.TypeOf(value);
        return sender.SendAsync(WireNames.TopicsSet, new SetArgs<T>(path, value), TopicRequests.ReadSequence, cancellationToken);
    }

    public Task<int> RemoveAsync(string selector, CancellationToken cancellationToken = default)
    {
        ParseSelector(selector);
        return sender.SendAsync(WireNames.TopicsRemove, new SelectorArgs(selector), TopicRequests.ReadRemovedCount, cancellationToken);
    }

    public Task<FetchResult> FetchAsync(string selector, FetchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ParseSelector(selector);
        if (options?.Limit is < 0 or > FetchOptions.MaxLimit)
        {
            throw ClientErrors.InvalidArgument("limit", "OUT_OF_RANGE", $"the fetch limit must be between 0 and {FetchOptions.MaxLimit}");
        }
        if (options?.After is { } after)
        {
            ValidatePath(after);
        }
        var args = new FetchArgs(selector, options);
        // The first attempt is sent here, so what fails before sending is still thrown by the call.
        return RetryTransientAsync(
            sender.SendAsync(WireNames.TopicsFetch, args, TopicRequests.ReadFetch, cancellationToken),
            WireNames.TopicsFetch, args, TopicRequests.ReadFetch, cancellationToken);
    }

    public Task SubscribeAsync(string selector, CancellationToken cancellationToken = default)
    {
        ParseSelector(selector);
        return sender.SendAsync(WireNames.TopicsSubscribe, new SelectorArgs(selector), TopicRequests.ReadNothing, cancellationToken);
    }

    public Task UnsubscribeAsync(string selector, CancellationToken cancellationToken = default)
    {
        ParseSelector(selector);
        return sender.SendAsync(WireNames.TopicsUnsubscribe, new SelectorArgs(selector), TopicRequests.ReadNothing, cancellationToken);
    }

    public IDisposable AddStream<T>(string selector, IValueStream<T> stream)
    {
        ClientErrors.NotNull(stream, nameof(stream));
        var registration = new ValueStreamRegistration<T>(ParseSelector(selector), stream);
        subscriptions.Add(registration);
        return registration;
    }

    public IAsyncEnumerable<TopicEvent<T>> Stream<T>(string selector, CancellationToken cancellationToken = default) =>
        Stream<T>(selector, DefaultStreamCapacity, cancellationToken);

    public IAsyncEnumerable<TopicEvent<T>> Stream<T>(string selector, int capacity, CancellationToken cancellationToken = default)
    {
        if (capacity is < 1 or > MaxStreamCapacity)
        {
            throw ClientErrors.InvalidArgument(nameof(capacity), "OUT_OF_RANGE", $"the stream capacity must be between 1 and {MaxStreamCapacity}");
        }
        var stream = new TopicEventStream<T>(ParseSelector(selector), capacity, cancellationToken);
        subscriptions.Add(stream);
        stream.RemoveOnCancellation();
        return stream;
    }

    /// <summary>
    /// ERR-21: a read-only request that fails with a class-2 error of ERR-20 (retryable and not
    /// applied: RETRYABLE, CLUSTER_UNAVAILABLE, SERVER_INITIALISING, RATE_LIMITED) is sent again,
    /// up to <see cref="MaxReadAttempts"/> attempts in all, after 100 ms then 200 ms (±20 %), or
    /// after the server's <c>retryAfterMs</c> when that is longer.
    /// </summary>
    private async Task<TResult> RetryTransientAsync<TArgs, TResult>(
        Task<TResult> first, JsonEncodedText op, TArgs args, ResultParser<TResult> parser, CancellationToken cancellationToken)
        where TArgs : struct, IRequestArgs
    {
        var attempt = first;
        var delay = FirstRetryDelay;
        for (var attempts = 1; ; attempts++)
        {
            try
            {
                return await attempt;
            }
            catch (TopiaryException e) when (e.Error.Retryable && e.Error.Outcome == ErrorEnvelope.NotApplied && attempts < MaxReadAttempts)
            {
                var wait = delay * (0.8 + (0.4 * Random.Shared.NextDouble()));
                if (e.Error.Details?["retryAfterMs"] is { } retryAfter && retryAfter.GetValueKind() == JsonValueKind.Number)
                {
                    wait = TimeSpan.FromMilliseconds(Math.Max(wait.TotalMilliseconds, retryAfter.GetValue<double>()));
                }
                await Task.Delay(wait, time, cancellationToken);
                delay *= 2;
                attempt = sender.SendAsync(op, args, parser, cancellationToken);
            }
        }
    }

    private Task<AddAndSetResult> AddAndSet<T>(
        string path, TopicType type, IReadOnlyDictionary<string, string>? properties, T value, CancellationToken cancellationToken)
    {
        ValidatePath(path);
        TopicValues.EnsureCompatible(type, ValueWriter.TypeOf(value));
        return sender.SendAsync(
            WireNames.TopicsAddAndSet, new AddAndSetArgs<T>(path, properties, value), TopicRequests.ReadAddAndSet, cancellationToken);
    }

    private static void ValidatePath(string path)
    {
        ClientErrors.NotNull(path, nameof(path));
        TopicPath.Validate(path);
    }

    private static void ValidatePathForAdd(string path)
    {
        ClientErrors.NotNull(path, nameof(path));
        TopicPath.ValidateForAdd(path);
    }

    private static TopicSelector ParseSelector(string selector)
    {
        ClientErrors.NotNull(selector, nameof(selector));
        return TopicSelector.Parse(selector);
    }
}
