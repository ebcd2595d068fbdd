using System.Net;
using Topiary.Client.Protocol;
using Topiary.Client.Topics;
using Topiary.Selectors;
using Topiary.Topics;

namespace Topiary.Tests.Client.Topics;

/// <summary>Delivery of subscription notifications and values to value streams (TOP-53, TOP-57).</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class SubscriptionTableTests
{
    private readonly List<Exception> _errors = [];
    private readonly SubscriptionTable _table;

    public SubscriptionTableTests() => _table = new SubscriptionTable(_errors.Add);

    [Fact]
    public void TOP_53_a_stream_sees_subscribed_values_then_unsubscribed_in_order()
    {
        var stream = Add<string>("?a//");
        Subscribe(1, "a/b", TopicType.String);
        _table.DeliverText(1, 1, "one");
        _table.DeliverText(1, 2, "two");
        _table.OnUnsubscribed(1, UnsubscribeReason.Removed);
        Assert.Equal(
            ["subscribed a/b STRING", "value a/b null -> one", "value a/b one -> two", "unsubscribed a/b Removed"],
            stream.Events);
    }

    [Fact]
    public void TOP_57_typed_streams_receive_only_topics_of_their_type_and_any_streams_receive_all()
    {
        var strings = Add<string>("?.*//");
        var integers = Add<long?>("?.*//");
        var any = Add<object>("?.*//");
        var values = Add<TopicValue>("?.*//");
        Subscribe(1, "s", TopicType.String);
        Subscribe(2, "i", TopicType.Int64);
        _table.DeliverText(1, 1, "text");
        _table.Deliver(2, 1, Encode(42));
        Assert.Equal(["subscribed s STRING", "value s null -> text"], strings.Events);
        Assert.Equal(["subscribed i INT64", "value i null -> 42"], integers.Events);
        Assert.Equal(["subscribed s STRING", "subscribed i INT64", "value s null -> text", "value i null -> 42"], any.Events);
        Assert.Equal(any.Events, values.Events.Select(e => e.Replace("none", "null", StringComparison.Ordinal)));
    }

    [Fact]
    public void Streams_receive_only_topics_their_selector_selects()
    {
        var stream = Add<string>("?a//");
        Subscribe(1, "a", TopicType.String);
        Subscribe(2, "ab", TopicType.String);
        Subscribe(3, "a/b/c", TopicType.String);
        Assert.Equal(["subscribed a STRING", "subscribed a/b/c STRING"], stream.Events);
    }

    [Fact]
    public void Every_value_type_decodes_from_its_frame()
    {
        var json = Add<JsonValue>("j");
        var binary = Add<byte[]>("b");
        var number = Add<double>("d");
        Subscribe(1, "j", TopicType.Json);
        Subscribe(2, "b", TopicType.Binary);
        Subscribe(3, "d", TopicType.Double);
        _table.DeliverText(1, 1, """{ "a" : 1.0 }""");
        _table.Deliver(2, 1, [0xCA, 0xFE]);
        _table.Deliver(3, 1, BitConverter.GetBytes(double.NegativeInfinity));
        Assert.Equal("""value j  -> { "a" : 1.0 }""", json.Events[1]);
        Assert.Equal("value b null -> CAFE", binary.Events[1]);
        Assert.Equal("value d 0 -> -Infinity", number.Events[1]);
    }

    [Fact]
    public void TOP_13_no_value_is_null_for_nullable_streams_and_skipped_for_long_and_double()
    {
        var nullable = Add<long?>("n");
        var plain = Add<long>("n");
        Subscribe(1, "n", TopicType.Int64);
        _table.Deliver(1, 1, Encode(5));
        _table.DeliverNoValue(1, 2);
        _table.Deliver(1, 3, Encode(6));
        Assert.Equal(["subscribed n INT64", "value n null -> 5", "value n 5 -> null", "value n null -> 6"], nullable.Events);
        Assert.Equal(["subscribed n INT64", "value n 0 -> 5", "value n 0 -> 6"], plain.Events);
    }

    [Fact]
    public void TOP_57_a_stream_added_later_gets_subscribed_and_the_cached_value_at_once()
    {
        Subscribe(1, "a", TopicType.String);
        Subscribe(2, "b", TopicType.String);
        _table.DeliverText(1, 1, "cached");
        var stream = Add<string>("?.*");
        Assert.Equal(["subscribed a STRING", "value a null -> cached", "subscribed b STRING"], stream.Events);
        _table.DeliverText(1, 2, "next");
        Assert.Equal("value a cached -> next", stream.Events[^1]);
    }

    [Fact]
    public void A_stream_added_inside_a_callback_gets_the_current_value_exactly_once()
    {
        RecordingStream<string>? late = null;
        var first = new CallbackStream(() => late ??= Add<string>("a"));
        _table.Add(new ValueStreamRegistration<string>(TopicSelector.Parse("a"), first));
        Subscribe(1, "a", TopicType.String);
        _table.DeliverText(1, 1, "v1");
        _table.DeliverText(1, 2, "v2");
        Assert.Equal(["subscribed a STRING", "value a null -> v1", "value a v1 -> v2"], late!.Events);
    }

    [Fact]
    public void Disposing_a_stream_closes_it_and_stops_delivery()
    {
        var stream = new RecordingStream<string>();
        var registration = new ValueStreamRegistration<string>(TopicSelector.Parse("a"), stream);
        _table.Add(registration);
        Subscribe(1, "a", TopicType.String);
        registration.Dispose();
        registration.Dispose();
        _table.DeliverText(1, 1, "after");
        Assert.Equal(["subscribed a STRING", "closed"], stream.Events);
    }

    [Fact]
    public void Closing_the_table_closes_every_stream_and_later_streams_at_once()
    {
        var stream = Add<string>("a");
        _table.Close();
        var late = Add<string>("a");
        Assert.Equal(["closed"], stream.Events);
        Assert.Equal(["closed"], late.Events);
        Assert.Equal(0, _table.TopicCount);
    }

    [Fact]
    public void A_failing_callback_is_reported_and_other_streams_still_receive()
    {
        var failing = Add<string>("a");
        failing.ThrowOnValue = new InvalidOperationException("application bug");
        var healthy = Add<string>("a");
        Subscribe(1, "a", TopicType.String);
        _table.DeliverText(1, 1, "x");
        _table.DeliverText(1, 2, "y");
        Assert.Equal(2, _errors.Count);
        Assert.Equal("application bug", _errors[0].Message);
        Assert.Equal("value a x -> y", healthy.Events[^1]);
    }

    [Fact]
    public void A_number_frame_of_the_wrong_size_is_a_protocol_violation()
    {
        Subscribe(1, "n", TopicType.Double);
        Assert.Throws<ProtocolViolationException>(() => _table.Deliver(1, 1, [1, 2, 3]));
    }

    [Fact]
    public void Values_for_unknown_topic_ids_are_dropped()
    {
        var stream = Add<string>("?.*");
        _table.DeliverText(9, 1, "stray");
        _table.OnUnsubscribed(9, UnsubscribeReason.Requested);
        Assert.Empty(stream.Events);
    }

    [Fact]
    public void A_topic_id_can_be_reused_after_unsubscribed()
    {
        var stream = Add<object>("?.*");
        Subscribe(1, "a", TopicType.String);
        _table.OnUnsubscribed(1, UnsubscribeReason.Requested);
        Subscribe(1, "b", TopicType.Int64);
        _table.Deliver(1, 1, Encode(3));
        Assert.Equal(["subscribed a STRING", "unsubscribed a Requested", "subscribed b INT64", "value b null -> 3"], stream.Events);
    }

    [Fact]
    public void Delivering_a_number_allocates_only_the_cached_copy_of_its_bytes()
    {
        var stream = new SummingStream();
        _table.Add(new ValueStreamRegistration<long?>(TopicSelector.Parse("n"), stream));
        Subscribe(1, "n", TopicType.Int64);
        var frame = ServerConnection.ValueFrame(1, 1, Encode(3));
        _table.DeliverFrame(frame);
        const int Messages = 10_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Messages; i++)
        {
            ValueFrameDecoder.TryDecode(frame, out var value);
            _table.OnValue(value);
        }
        var perMessage = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Messages;
        // An 8-byte array is 32 bytes on 64-bit: the value kept for old-value and late-stream delivery (TOP-57).
        Assert.True(perMessage <= 32, $"{perMessage} bytes per message");
        Assert.Equal(3 * (Messages + 1), stream.Sum);
    }

    private RecordingStream<T> Add<T>(string selector)
    {
        var stream = new RecordingStream<T>();
        _table.Add(new ValueStreamRegistration<T>(TopicSelector.Parse(selector), stream));
        return stream;
    }

    private void Subscribe(uint id, string path, TopicType type) =>
        _table.OnSubscribed(id, path, TopicSpecification.Create(type), epoch: 1, sequence: 0);


    private static byte[] Encode(long value) => TopicValues.Encode(value).Span.ToArray();

    /// <summary>A stream that allocates nothing itself.</summary>
    private sealed class SummingStream : IValueStream<long?>
    {
        public long Sum { get; private set; }

        public void OnValue(string path, TopicSpecification specification, long? oldValue, long? newValue) => Sum += newValue ?? 0;
    }

    /// <summary>A stream that runs an action on its first value.</summary>
    private sealed class CallbackStream(Action onFirstValue) : IValueStream<string>
    {
        public void OnValue(string path, TopicSpecification specification, string? oldValue, string? newValue) => onFirstValue();
    }
}
