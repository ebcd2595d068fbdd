using System.Reflection;

namespace Topiary.Runtime.Calls;

/// <summary>
/// The proxy behind every grain and observer reference: each interface method call becomes a
/// serialised request through <see cref="CallDispatcher"/>, even when the target lives in this process.
/// References are equal when they address the same grain (grain type + key) or the same observer.
/// </summary>
// CA1852: not sealed because DispatchProxy derives a class from it at run time.
#pragma warning disable CA1852
internal class GrainReference : DispatchProxy
#pragma warning restore CA1852
{
    private CallDispatcher _dispatcher = null!;

    public CallTarget Target { get; private set; }

    /// <summary>The stored grain type (class identity) for grains; <c>null</c> for observers.</summary>
    public string? GrainType { get; private set; }

    public static object ForGrain(CallDispatcher dispatcher, InterfaceDescriptor descriptor, string grainType, string key) =>
        Create(dispatcher, new CallTarget(descriptor, key, null), grainType);

    public static object ForObserver(CallDispatcher dispatcher, InterfaceDescriptor descriptor, string address, string observerId) =>
        Create(dispatcher, new CallTarget(descriptor, observerId, address), null);

    public override bool Equals(object? obj) => obj is GrainReference other
        && other.Target.Key == Target.Key
        && other.GrainType == GrainType
        && other.Target.ObserverAddress == Target.ObserverAddress;

    public override int GetHashCode() => HashCode.Combine(Target.Key, GrainType, Target.ObserverAddress);

    public override string ToString() => Target.IsObserver ? $"observer:{Target.ObserverAddress}/{Target.Key}" : $"{GrainType}/{Target.Key}";

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = Target.Interface.GetMethod(targetMethod!);
        return method.Adapter.Call(_dispatcher, Target, method, args ?? []);
    }

    private static GrainReference Create(CallDispatcher dispatcher, CallTarget target, string? grainType)
    {
        // DispatchProxy.Create costs about a microsecond; a shallow copy of a per-interface prototype is an
        // instance of the same generated class with the same method table, for a few nanoseconds.
        var prototype = target.Interface.ProxyPrototype ??= (GrainReference)Create(target.Interface.Type, typeof(GrainReference));
        var reference = (GrainReference)prototype.MemberwiseClone();
        reference._dispatcher = dispatcher;
        reference.Target = target;
        reference.GrainType = grainType;
        return reference;
    }
}
