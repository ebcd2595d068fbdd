using System.Text.Json.Serialization;
using Topiary.Topics;

namespace Topiary.Gateway.Hubs;

/// <summary>
/// The argument of the hub's <c>value</c> message: one value frame (docs/protocol.md §5) with
/// the topic named by path and type instead of a topic id, and the value in its JSON form
/// (§3.1). Refers to the session's outbound buffer: valid only until SignalR has serialized it.
/// </summary>
[JsonConverter(typeof(HubValueUpdateConverter))]
internal sealed class HubValueUpdate(string path, TopicType type, ulong epoch, long sequence, byte flags, ReadOnlyMemory<byte> value)
{
    public string Path { get; } = path;

    public TopicType Type { get; } = type;

    public ulong Epoch { get; } = epoch;

    public long Sequence { get; } = sequence;

    /// <summary>The value frame's flags: no value, initial.</summary>
    public byte Flags { get; } = flags;

    /// <summary>The value's wire bytes (§5), unused when the flags say there is no value.</summary>
    public ReadOnlyMemory<byte> Value { get; } = value;
}
