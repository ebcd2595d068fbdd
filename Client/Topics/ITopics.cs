using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// Topic operations of a session (docs/protocol.md §3.2) and its value streams (§4, §5).
/// </summary>
/// <remarks>
/// <para>Every method is thread-safe. Requests of one session are executed by the server in the
/// order they were sent, and answered in that order.</para>
/// <para>Errors: arguments are checked before anything is sent (ERR-34); the call itself then
/// throws <see cref="Errors.TopiaryArgumentException"/> — INVALID_PATH, INVALID_SELECTOR,
/// INVALID_VALUE, INCOMPATIBLE_TYPE, INVALID_ARGUMENT (null, unsupported value type, option out
/// of range) — or LIMIT_EXCEEDED for a request above the maximum message size, or SESSION_CLOSED.
/// Everything after sending completes the returned task. Server errors surface as the <see cref="Errors.TopiaryException"/> subclass of their
/// code (ERR-2) carrying the server's envelope. A request not answered within
/// <see cref="TopiarySessionOptions.RequestTimeout"/> fails with <see cref="Errors.TopiaryOutcomeUnknownException"/>
/// TIMEOUT; one in flight when the connection is lost with OUTCOME_UNKNOWN; both may have been
/// applied. Cancelling a token abandons the
/// wait with <see cref="OperationCanceledException"/>; a request already sent may still apply.</para>
/// <para>Values: <c>string</c> (STRING), <c>long</c> (INT64), <c>double</c> (DOUBLE),
/// <c>byte[]</c> or <c>ReadOnlyMemory&lt;byte&gt;</c> (BINARY), <see cref="JsonValue"/> or
/// <see cref="System.Text.Json.JsonElement"/> (JSON, sent byte-for-byte), <see cref="TopicValue"/>
/// or <see cref="object"/> (the type of the runtime value); <see langword="null"/> of a nullable
/// type is "no value" (TOP-13).</para>
/// </remarks>
public interface ITopics
{
    /// <summary>Adds a topic with default properties. Returns false when an equivalent topic already exists; a different one fails with CONFLICT.</summary>
    Task<bool> AddAsync(string path, TopicType type, CancellationToken cancellationToken = default);

    /// <summary>Adds a topic with a specification. Returns false when an equivalent topic already exists; a different one fails with CONFLICT.</summary>
    Task<bool> AddAsync(string path, TopicSpecification specification, CancellationToken cancellationToken = default);

    /// <summary>Adds a topic (unless an equivalent one exists) and sets its value in one request. The value's type must be <paramref name="type"/> (else INCOMPATIBLE_TYPE before sending).</summary>
    Task<AddAndSetResult> AddAndSetAsync<T>(string path, TopicType type, T value, CancellationToken cancellationToken = default);

    /// <summary>Adds a topic (unless an equivalent one exists) and sets its value in one request. The value's type must be the specification's (else INCOMPATIBLE_TYPE before sending).</summary>
    Task<AddAndSetResult> AddAndSetAsync<T>(string path, TopicSpecification specification, T value, CancellationToken cancellationToken = default);

    /// <summary>Sets the value of an existing topic and returns the topic's new sequence. A topic of another type fails with INCOMPATIBLE_TYPE; a missing one with NOT_FOUND.</summary>
    Task<long> SetAsync<T>(string path, T value, CancellationToken cancellationToken = default);

    /// <summary>Removes the topics <paramref name="selector"/> selects and returns how many were removed.</summary>
    Task<int> RemoveAsync(string selector, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the topics <paramref name="selector"/> selects, in path order, without subscribing.
    /// Being read-only, it is retried on transient errors that were not applied, up to 3 attempts (ERR-21).
    /// </summary>
    Task<FetchResult> FetchAsync(string selector, FetchOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes the session to the topics <paramref name="selector"/> selects now and later.
    /// Completes after the <c>subscribed</c> notifications and current values of the topics
    /// selected now have been delivered to the streams (TOP-50). Add streams first (or later: TOP-57).
    /// </summary>
    Task SubscribeAsync(string selector, CancellationToken cancellationToken = default);

    /// <summary>Unsubscribes the session from the topics <paramref name="selector"/> selects (TOP-52); streams receive <c>OnUnsubscribed</c> with <see cref="UnsubscribeReason.Requested"/>.</summary>
    Task UnsubscribeAsync(string selector, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a value stream for the subscribed topics that <paramref name="selector"/> selects and
    /// whose type matches <typeparamref name="T"/> (see <see cref="IValueStream{T}"/>). It does not
    /// subscribe. Topics already subscribed are delivered at once: <c>OnSubscribed</c> and the
    /// cached value (TOP-57). Dispose the result to remove the stream (it then gets <c>OnClosed</c>).
    /// An unsupported <typeparamref name="T"/> fails with INVALID_ARGUMENT; a closed session closes the stream at once.
    /// </summary>
    IDisposable AddStream<T>(string selector, IValueStream<T> stream);

    /// <summary>
    /// The events of the topics <paramref name="selector"/> selects and whose type matches
    /// <typeparamref name="T"/>, as an async sequence that can be enumerated once. Registered at
    /// once (like <see cref="AddStream{T}"/>; it does not subscribe). Events are buffered up to
    /// 1,024; a consumer that falls further behind ends the enumeration with LIMIT_EXCEEDED.
    /// The sequence ends when the session closes; <paramref name="cancellationToken"/> removes it.
    /// </summary>
    IAsyncEnumerable<TopicEvent<T>> Stream<T>(string selector, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="Stream{T}(string, CancellationToken)"/>, buffering up to <paramref name="capacity"/> events (1 … 1,000,000).</summary>
    IAsyncEnumerable<TopicEvent<T>> Stream<T>(string selector, int capacity, CancellationToken cancellationToken = default);
}
