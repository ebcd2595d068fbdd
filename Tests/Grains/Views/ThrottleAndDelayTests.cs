using Topiary.Tests.Grains.Runtime;
using Topiary.Topics;
using Topiary.Views;

namespace Topiary.Tests.Grains.Views;

/// <summary>Throttle and delay timing (VIEW-80..VIEW-83) on a fake clock.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ThrottleAndDelayTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _published = [];
    private readonly DateTimeOffset _start;

    public ThrottleAndDelayTests() => _start = _time.GetUtcNow();

    [Fact]
    public void VIEW_82_two_updates_every_five_seconds()
    {
        var throttle = new ThrottleWindow(new ThrottleOption(2, TimeSpan.FromSeconds(5)), _time);
        Publish(throttle.Created(Value("v1")));
        At(1, () => Publish(throttle.Offer(Value("v2"))));
        At(2, () => Publish(throttle.Offer(Value("v3"))));
        At(3, () => Publish(throttle.Offer(Value("v4"))));
        Assert.Equal(_start.AddSeconds(5), throttle.NextDue);
        At(5, () => Publish(throttle.Tick()));
        At(7, () => Publish(throttle.Offer(Value("v5"))));
        Assert.Equal(["v1@0", "v2@1", "v4@5", "v5@7"], _published);
        Assert.Null(throttle.NextDue);
    }

    [Fact]
    public void VIEW_80_a_missed_tick_publishes_the_held_value_before_the_new_one()
    {
        var throttle = new ThrottleWindow(new ThrottleOption(1, TimeSpan.FromSeconds(5)), _time);
        Publish(throttle.Created(Value("v1")));
        At(1, () => Publish(throttle.Offer(Value("v2"))));
        At(12, () => Publish(throttle.Offer(Value("v3"))));
        Assert.Equal(["v1@0", "v2@12", "v3@12"], _published);
    }

    [Fact]
    public void VIEW_83_delay_by_ten_seconds()
    {
        var line = new DelayLine<string>(TimeSpan.FromSeconds(10), _time);
        line.Add("add v1");
        At(3, () => line.Add("update v2"));
        foreach (var second in new[] { 9, 10, 12, 13, 20, 29, 30 })
        {
            At(second, () => _published.AddRange(line.TakeDue().Select(c => $"{c}@{second}")));
            if (second == 20)
            {
                line.Add("remove");
                Assert.Equal(_start.AddSeconds(30), line.NextDue);
            }
        }
        Assert.Equal(["add v1@10", "update v2@13", "remove@30"], _published);
        Assert.Equal(0, line.Count);
        Assert.Null(line.NextDue);
    }

    private void At(int second, Action action)
    {
        _time.Advance(_start.AddSeconds(second) - _time.GetUtcNow());
        action();
    }

    private void Publish(TopicValue? value)
    {
        if (value is { } v)
        {
            _published.Add($"{TopicValues.DecodeString(v.Span)}@{(_time.GetUtcNow() - _start).TotalSeconds}");
        }
    }

    private void Publish(IEnumerable<TopicValue> values)
    {
        foreach (var value in values)
        {
            Publish(value);
        }
    }

    private static TopicValue Value(string text) => TopicValues.Encode(text);
}
