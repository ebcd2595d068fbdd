using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// Receives the subscription events and values of the topics whose path matches the selector it
/// was added with (<see cref="ITopics.AddStream{T}"/>) and whose type matches
/// <typeparamref name="T"/> (spec/topics.md TOP-57): <c>string</c> ↔ STRING, <c>long</c>/<c>long?</c> ↔ INT64,
/// <c>double</c>/<c>double?</c> ↔ DOUBLE, <c>byte[]</c>/<c>ReadOnlyMemory&lt;byte&gt;</c> ↔ BINARY,
/// <see cref="JsonValue"/>/<see cref="System.Text.Json.JsonElement"/> ↔ JSON, and
/// <see cref="object"/>/<see cref="TopicValue"/> ↔ every type.
/// </summary>
/// <remarks>
/// <para>Threading and order: all callbacks of one session run one at a time on the SDK's receive
/// loop, in the order the server sent them; per topic: <see cref="OnSubscribed"/>, then
/// <see cref="OnValue"/> for the current value and each update, then <see cref="OnUnsubscribed"/>
/// (TOP-53). A callback that blocks delays every stream and every response of the session, so
/// hand long work to another thread and never wait synchronously for a request of the same session.</para>
/// <para>An exception thrown by a callback is reported through <see cref="ITopiarySession.ErrorOccurred"/>;
/// the stream stays registered.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "The value-stream name users of the reference product know; it is no System.IO.Stream.")]
public interface IValueStream<T>
{
    /// <summary>The session is subscribed to a matching topic, or the stream was added while it already was.</summary>
    void OnSubscribed(string path, TopicSpecification specification)
    {
    }

    /// <summary>
    /// A new value of a subscribed topic. A "no value" (a STRING, INT64 or DOUBLE topic cleared with
    /// null, TOP-13) arrives as null for nullable <typeparamref name="T"/>; streams of
    /// <c>long</c> or <c>double</c> skip it — use <c>long?</c>/<c>double?</c> to see it.
    /// <paramref name="oldValue"/> is the value delivered before (default for the first).
    /// </summary>
    void OnValue(string path, TopicSpecification specification, T? oldValue, T? newValue);

    /// <summary>The session is no longer subscribed to the topic; nothing more about it follows unless it is subscribed again.</summary>
    void OnUnsubscribed(string path, UnsubscribeReason reason)
    {
    }

    /// <summary>The stream was removed (its registration disposed) or the session closed; the last callback.</summary>
    void OnClosed()
    {
    }
}
