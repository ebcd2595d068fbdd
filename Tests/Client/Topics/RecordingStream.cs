using System.Globalization;
using Topiary.Client.Topics;
using Topiary.Topics;

namespace Topiary.Tests.Client.Topics;

/// <summary>A value stream that records its callbacks as short lines, for asserting order and content.</summary>
internal sealed class RecordingStream<T> : IValueStream<T>
{
    private readonly Lock _lock = new();
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Thrown from OnValue when set, to test how the SDK reports callback failures.</summary>
    public Exception? ThrowOnValue { get; set; }

    public void OnSubscribed(string path, TopicSpecification specification) => Record($"subscribed {path} {specification.Type.WireName()}");

    public void OnValue(string path, TopicSpecification specification, T? oldValue, T? newValue)
    {
        Record($"value {path} {Format(oldValue)} -> {Format(newValue)}");
        if (ThrowOnValue is { } exception)
        {
            throw exception;
        }
    }

    public void OnUnsubscribed(string path, UnsubscribeReason reason) => Record($"unsubscribed {path} {reason}");

    public void OnClosed() => Record("closed");

    /// <summary>Waits until <paramref name="count"/> events were recorded (callbacks run on the SDK's receive loop).</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Events.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        return Events;
    }

    private static string Format(T? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        ReadOnlyMemory<byte> memory => Convert.ToHexString(memory.Span),
        TopicValue topicValue => topicValue.HasValue ? Convert.ToString(topicValue.ToObject(), CultureInfo.InvariantCulture)! : "none",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private void Record(string line)
    {
        lock (_lock)
        {
            _events.Add(line);
        }
    }
}
