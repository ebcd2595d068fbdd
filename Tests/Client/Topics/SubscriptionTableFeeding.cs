using System.Text;
using Topiary.Client.Protocol;
using Topiary.Client.Topics;

namespace Topiary.Tests.Client.Topics;

/// <summary>Feeds value frames to a <see cref="SubscriptionTable"/> the way the receive loop does.</summary>
internal static class SubscriptionTableFeeding
{
    public static void DeliverText(this SubscriptionTable table, uint topicId, ulong sequence, string text) =>
        table.Deliver(topicId, sequence, Encoding.UTF8.GetBytes(text));

    public static void Deliver(this SubscriptionTable table, uint topicId, ulong sequence, byte[] payload) =>
        table.DeliverFrame(ServerConnection.ValueFrame(topicId, sequence, payload));

    public static void DeliverNoValue(this SubscriptionTable table, uint topicId, ulong sequence) =>
        table.DeliverFrame(ServerConnection.ValueFrame(topicId, sequence, [], flags: ValueFrame.FlagNoValue));

    public static void DeliverFrame(this SubscriptionTable table, byte[] frame)
    {
        Assert.Equal(FrameStatus.Value, ValueFrameDecoder.TryDecode(frame, out var value));
        table.OnValue(value);
    }
}
