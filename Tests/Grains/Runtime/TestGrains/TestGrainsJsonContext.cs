using System.Text.Json.Serialization;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

/// <summary>Everything the test grains serialise, except <see cref="UnregisteredPayload"/> on purpose.</summary>
[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(CounterEnvelope))]
[JsonSerializable(typeof(List<int>))]
internal sealed partial class TestGrainsJsonContext : JsonSerializerContext;
