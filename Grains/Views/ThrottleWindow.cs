using Topiary.Topics;

namespace Topiary.Views;

/// <summary>
/// The fixed-window throttle of one reference topic (VIEW-80, VIEW-81). Creation and the first
/// publication after a window has ended publish at once and open a window of length P counting 1;
/// within a window updates publish at once while fewer than N were published, then the latest is
/// held; at the window's end a held value is published, opening the next window. Not thread-safe:
/// the view that owns it calls it one event at a time.
/// </summary>
public sealed class ThrottleWindow(ThrottleOption option, TimeProvider time)
{
    private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
    private int _count;
    private TopicValue? _held;

    /// <summary>When <see cref="Tick"/> must be called to publish a held value; null when nothing is held.</summary>
    public DateTimeOffset? NextDue => _held is null ? null : _windowEnd;

    /// <summary>The reference topic was created with <paramref name="value"/>: publish it now and open a window.</summary>
    public TopicValue Created(TopicValue value)
    {
        _held = null;
        Open(time.GetUtcNow());
        return value;
    }

    /// <summary>A new value for the reference topic; returns what to publish now, in order (possibly nothing).</summary>
    public IReadOnlyList<TopicValue> Offer(TopicValue value)
    {
        var published = new List<TopicValue>(2);
        var now = time.GetUtcNow();
        // A window end that passed without its tick still publishes its held value first.
        if (Tick() is { } due)
        {
            published.Add(due);
        }
        if (now >= _windowEnd)
        {
            Open(now);
            published.Add(value);
        }
        else if (_count < option.Count)
        {
            _count++;
            published.Add(value);
        }
        else
        {
            _held = value;
        }
        return published;
    }

    /// <summary>Called at <see cref="NextDue"/>: the held value to publish now, or null.</summary>
    public TopicValue? Tick()
    {
        if (_held is not { } held || time.GetUtcNow() < _windowEnd)
        {
            return null;
        }
        _held = null;
        // The held value's publication opens the next window where the last one ended, also when
        // the tick comes late; an update after that window is then published at once.
        _windowEnd += option.Period;
        _count = 1;
        return held;
    }

    private void Open(DateTimeOffset now)
    {
        _windowEnd = now + option.Period;
        _count = 1;
    }
}
