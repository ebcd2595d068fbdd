using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Topiary.Runtime.Messaging;
using Topiary.Serialization;

namespace Topiary.Security;

/// <summary>What both store grains do around a script: work on a deep copy, announce the commit.</summary>
internal static class StoreCommit
{
    /// <summary>A deep copy, so a failing script never touches the live state and callers never share it.</summary>
    public static T Copy<T>(T state, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(state, type), type)!;

    /// <summary>Announces a committed script on <see cref="SecurityChannel.Name"/>.</summary>
    public static ValueTask PublishAsync(IMessageBus bus, SecurityChange change) =>
        bus.PublishAsync(SecurityChannel.Name, JsonSerializer.SerializeToUtf8Bytes(change, GrainsJsonContext.Default.SecurityChange));
}
