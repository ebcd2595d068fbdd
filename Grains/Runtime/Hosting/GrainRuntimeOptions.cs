using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Topiary.Runtime.Hosting;

/// <summary>Configuration of the grain runtime (<see cref="GrainRuntimeServiceCollectionExtensions.AddGrainRuntime"/>).</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>
    /// Assemblies scanned at start for grain classes: non-abstract classes deriving from <see cref="Grain"/>
    /// that implement interfaces derived from <see cref="IGrainWithStringKey"/>. Each grain interface must
    /// have exactly one implementing class (start fails otherwise, naming the conflicts). Every process of a
    /// cluster must list the same assemblies.
    /// </summary>
    public List<Assembly> GrainAssemblies { get; } = [];

    /// <summary>
    /// Grain classes registered individually, in addition to those found in <see cref="GrainAssemblies"/>.
    /// Useful for tests, whose assemblies may hold several implementations of one interface.
    /// </summary>
    public List<Type> GrainClasses { get; } = [];

    /// <summary>
    /// Source-generated <c>JsonSerializerContext</c>s for every argument, result and state type. Nothing else
    /// is serialised: a type no resolver knows fails the call with an error naming it (no reflection fallback).
    /// Common BCL types (string, numbers, Guid, DateTimeOffset, TimeSpan, byte[], string lists) are built in.
    /// </summary>
    public List<IJsonTypeInfoResolver> SerializerResolvers { get; } = [];

    /// <summary>An activation that receives no call or reminder for this long is deactivated. Default 15 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A call without a response after this long fails with TIMEOUT (outcome unknown). Default 30 seconds.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (IdleTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"GrainRuntimeOptions.IdleTimeout must be positive (was {IdleTimeout}).");
        }
        if (CallTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"GrainRuntimeOptions.CallTimeout must be positive (was {CallTimeout}).");
        }
    }
}
