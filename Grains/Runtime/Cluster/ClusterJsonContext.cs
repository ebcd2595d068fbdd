using System.Text.Json.Serialization;

namespace Topiary.Runtime.Cluster;

/// <summary>Serialisation of the records the cluster providers keep in Redis (enums as names, so they stay readable).</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(ClusterMember))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
