using System.Net;
using Topiary.Client.Protocol;
using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// The topics the session is subscribed to (by gateway topic id) and the streams added to it;
/// delivers subscription notifications and value frames to the matching streams.
/// </summary>
/// <remarks>
/// One lock covers the table and every stream callback. That is what gives each stream the
/// TOP-53 order even when a stream is added from another thread while values arrive: the
/// catch-up of <see cref="Add"/> (TOP-57) and the deliveries of the receive loop cannot
/// interleave. The lock is re-entrant, so callbacks may add or dispose streams; they must not
/// block on another thread that does.
/// </remarks>
internal sealed class SubscriptionTable(Action<Exception> reportError)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<uint, SubscribedTopic> _topics = [];
    private StreamRegistration[] _streams = [];
    private bool _closed;

    public int TopicCount
    {
        get
        {
            lock (_lock)
            {
                return _topics.Count;
            }
        }
    }

    public void OnSubscribed(uint topicId, string path, TopicSpecification specification, ulong epoch, long sequence)
    {
        lock (_lock)
        {
            var topic = new SubscribedTopic(topicId, path, specification, Matching(_streams, path, specification.Type))
            {
                Epoch = epoch,
                Sequence = sequence,
            };
            _topics[topicId] = topic;
            foreach (var stream in topic.Streams)
            {
                Subscribed(stream, topic);
            }
        }
    }

    /// <summary>Delivers a value frame; a payload of the wrong size for the topic's type throws <see cref="ProtocolViolationException"/>.</summary>
    public void OnValue(in ValueFrame frame)
    {
        lock (_lock)
        {
            // Unknown ids cannot come from a correct server (TOP-53); dropping them is safer than guessing.
            if (!_topics.TryGetValue(frame.TopicId, out var topic))
            {
                return;
            }
            var value = ToValue(topic.Type, frame);
            var old = topic.Value;
            topic.Value = value;
            topic.Epoch = frame.Epoch;
            topic.Sequence = (long)frame.Sequence;
            var streams = topic.Streams;
            for (var i = 0; i < streams.Length; i++)
            {
                try
                {
                    streams[i].OnValue(topic, old, value);
                }
                catch (Exception e)
                {
                    reportError(e);
                }
            }
        }
    }

    public void OnUnsubscribed(uint topicId, UnsubscribeReason reason)
    {
        lock (_lock)
        {
            if (!_topics.Remove(topicId, out var topic))
            {
                return;
            }
            foreach (var stream in topic.Streams)
            {
                try
                {
                    stream.OnUnsubscribed(topic, reason);
                }
                catch (Exception e)
                {
                    reportError(e);
                }
            }
        }
    }

    /// <summary>
    /// Adds a stream and, at once, gives it <c>subscribed</c> and the cached value of every
    /// matching topic already subscribed (TOP-57). On a closed session the stream is closed at once.
    /// </summary>
    public void Add(StreamRegistration stream)
    {
        lock (_lock)
        {
            stream.Attach(this);
            if (_closed)
            {
                Close(stream);
                return;
            }
            _streams = [.. _streams, stream];
            foreach (var topic in _topics.Values)
            {
                if (!stream.Matches(topic.Path, topic.Type))
                {
                    continue;
                }
                topic.Streams = [.. topic.Streams, stream];
                Subscribed(stream, topic);
                if (topic.Value.HasValue)
                {
                    try
                    {
                        stream.OnValue(topic, TopicValue.NoValue(topic.Type), topic.Value);
                    }
                    catch (Exception e)
                    {
                        reportError(e);
                    }
                }
            }
        }
    }

    /// <summary>Removes a stream and closes it; nothing is delivered to it afterwards.</summary>
    public void Remove(StreamRegistration stream)
    {
        lock (_lock)
        {
            if (Array.IndexOf(_streams, stream) >= 0)
            {
                _streams = Without(_streams, stream);
                foreach (var topic in _topics.Values)
                {
                    topic.Streams = Without(topic.Streams, stream);
                }
            }
            Close(stream);
        }
    }

    /// <summary>The session closed: every stream is closed and the table emptied.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            var streams = _streams;
            _streams = [];
            _topics.Clear();
            foreach (var stream in streams)
            {
                Close(stream);
            }
        }
    }

    private static TopicValue ToValue(TopicType type, in ValueFrame frame)
    {
        if (!frame.HasValue)
        {
            return TopicValue.NoValue(type);
        }
        if (type is TopicType.Int64 or TopicType.Double && frame.Payload.Length != sizeof(long))
        {
            throw new ProtocolViolationException($"a {type.WireName()} value of {frame.Payload.Length} bytes for topic id {frame.TopicId}");
        }
        // Copied out of the receive buffer because it becomes the cached value.
        return TopicValue.FromEncoded(type, frame.Payload.ToArray());
    }

    private static StreamRegistration[] Matching(StreamRegistration[] streams, string path, TopicType type)
    {
        var matching = new List<StreamRegistration>();
        foreach (var stream in streams)
        {
            if (stream.Matches(path, type))
            {
                matching.Add(stream);
            }
        }
        return matching.Count == 0 ? [] : [.. matching];
    }

    private static StreamRegistration[] Without(StreamRegistration[] streams, StreamRegistration stream) =>
        Array.IndexOf(streams, stream) < 0 ? streams : Array.FindAll(streams, s => !ReferenceEquals(s, stream));

    private void Subscribed(StreamRegistration stream, SubscribedTopic topic)
    {
        try
        {
            stream.OnSubscribed(topic);
        }
        catch (Exception e)
        {
            reportError(e);
        }
    }

    private void Close(StreamRegistration stream)
    {
        try
        {
            stream.Close();
        }
        catch (Exception e)
        {
            reportError(e);
        }
    }
}
