using System.Threading.Channels;
using Topiary.Client.Topics;
using Topiary.Topics;

namespace Topiary.Tests.EndToEnd;

/// <summary>
/// A value stream that records every callback as one line (<c>subscribed a/b</c>,
/// <c>value a/b 42</c>, <c>unsubscribed a/b Removed</c>) so tests can assert exact sequences.
/// </summary>
internal sealed class EventCollector : IValueStream<TopicValue>
{
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>();

    public void OnSubscribed(string path, TopicSpecification specification) => _events.Writer.TryWrite($"subscribed {path}");

    public void OnValue(string path, TopicSpecification specification, TopicValue oldValue, TopicValue newValue) =>
        _events.Writer.TryWrite($"value {path} {(newValue.HasValue ? newValue.ToObject() : "none")}");

    public void OnUnsubscribed(string path, UnsubscribeReason reason) => _events.Writer.TryWrite($"unsubscribed {path} {reason}");

    /// <summary>The next <paramref name="count"/> events, failing after 10 s.</summary>
    public async Task<List<string>> TakeAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var taken = new List<string>(count);
        try
        {
            while (taken.Count < count)
            {
                taken.Add(await _events.Reader.ReadAsync(timeout.Token));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"expected {count} events, got {taken.Count}: {string.Join(" | ", taken)}");
        }
        return taken;
    }

    /// <summary>The next event if one has arrived, else null; never waits.</summary>
    public string? TryTake() => _events.Reader.TryRead(out var next) ? next : null;

    /// <summary>Asserts that nothing more arrives within <paramref name="quietMilliseconds"/>.</summary>
    public async Task AssertQuietAsync(int quietMilliseconds = 200)
    {
        await Task.Delay(quietMilliseconds);
        Assert.False(_events.Reader.TryRead(out var unexpected), $"unexpected event: {unexpected}");
    }
}
