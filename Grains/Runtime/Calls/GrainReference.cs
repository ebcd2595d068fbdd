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
    private string _identity = string.Empty;

    public CallTarget Target { get; private set; }

    /// <summary>The stored grain type (class identity) for grains; <c>null</c> for observers.</summary>
    public string? GrainType { get; private set; }

    public static object ForGrain(CallDispatcher dispatcher, InterfaceDescriptor descriptor, string grainType, string key) =>
        Create(dispatcher, new CallTarget(descriptor, key, null), grainType, $"{grainType}/{key}");

    public static object ForObserver(CallDispatcher dispatcher, InterfaceDescriptor descriptor, string address, string observerId) =>
        Create(dispatcher, new CallTarget(descriptor, observerId, address), null, $"observer:{address}/{observerId}");

    public override bool Equals(object? obj) => obj is GrainReference other && other._identity == _identity;

    public override int GetHashCode() => _identity.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => _identity;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = Target.Interface.GetMethod(targetMethod!);
        return method.Adapter.Call(_dispatcher, Target, method, args ?? []);
    }

    private static object Create(CallDispatcher dispatcher, CallTarget target, string? grainType, string identity)
    {
        var proxy = Create(target.Interface.Type, typeof(GrainReference));
        var reference = (GrainReference)proxy;
        reference._dispatcher = dispatcher;
        reference.Target = target;
        reference.GrainType = grainType;
        reference._identity = identity;
        return proxy;
    }
}
