using System.Text.Json;

namespace Topiary.Gateway.Protocol;

/// <summary>A parsed client request (docs/protocol.md §3). <see cref="Args"/> lives as long as its document.</summary>
internal readonly record struct ProtocolRequest(long Id, string Op, JsonElement Args);
