using System.Text.Json.Serialization;
using Topiary.Errors;

namespace Topiary.Runtime.Calls;

/// <summary>
/// The runtime's own serialisation metadata: the error envelope carried by error responses, and the
/// common BCL types grain methods use, so grain authors register only their own types. Combined after
/// the configured resolvers (<see cref="Hosting.GrainRuntimeOptions.SerializerResolvers"/>).
/// </summary>
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(TimeSpan))]
[JsonSerializable(typeof(byte[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
