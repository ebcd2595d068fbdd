using System.Reflection;

namespace Topiary.Runtime.Calls;

/// <summary>
/// The callable shape of a grain or observer interface: its methods (including inherited ones), each
/// with a stable id used on the wire. Built once per interface and runtime; construction validates the
/// signatures so that a bad interface fails at start, not on a call.
/// </summary>
internal sealed class InterfaceDescriptor
{
    private readonly Dictionary<MethodInfo, MethodDescriptor> _byMethod;
    private readonly Dictionary<string, MethodDescriptor> _byId;
    private readonly Dictionary<string, MethodDescriptor>.AlternateLookup<ReadOnlySpan<char>> _byIdSpan;

    private InterfaceDescriptor(Type type, List<MethodDescriptor> methods)
    {
        Type = type;
        Name = type.FullName ?? type.Name;
        IsObserver = typeof(IGrainObserver).IsAssignableFrom(type);
        _byMethod = methods.ToDictionary(m => m.Method);
        _byId = methods.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _byIdSpan = _byId.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Type Type { get; }

    /// <summary>The wire name: the interface's full name.</summary>
    public string Name { get; }

    public bool IsObserver { get; }

    /// <summary>A proxy instance that references are shallow copies of (see <see cref="GrainReference"/>).</summary>
    public GrainReference? ProxyPrototype { get; set; }

    /// <summary>Method ids, looked up without allocating a string for the received id.</summary>
    public Dictionary<string, MethodDescriptor>.AlternateLookup<ReadOnlySpan<char>> MethodsById => _byIdSpan;

    public MethodDescriptor GetMethod(MethodInfo method) => _byMethod.TryGetValue(method, out var descriptor)
        ? descriptor
        : throw new InvalidOperationException($"Method {method.Name} is not part of {Name}.");

    public bool TryGetMethod(string id, out MethodDescriptor method) => _byId.TryGetValue(id, out method!);

    /// <summary>Builds the descriptor, or throws <see cref="InvalidOperationException"/> naming every invalid method.</summary>
    public static InterfaceDescriptor Create(Type type)
    {
        if (!type.IsInterface || type.ContainsGenericParameters)
        {
            throw new InvalidOperationException($"{type} must be a non-generic interface to be called through the grain runtime.");
        }
        var problems = new List<string>();
        var methods = new List<MethodDescriptor>();
        foreach (var declaring in type.GetInterfaces().Append(type))
        {
            foreach (var method in declaring.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                var problem = Validate(method);
                if (problem is null)
                {
                    methods.Add(new MethodDescriptor(method));
                }
                else
                {
                    problems.Add($"{declaring.Name}.{method.Name}: {problem}");
                }
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Interface {type.FullName} cannot be called through the grain runtime: {string.Join("; ", problems)}.");
        }
        return new InterfaceDescriptor(type, methods);
    }

    private static string? Validate(MethodInfo method)
    {
        if (method.IsGenericMethodDefinition)
        {
            return "generic methods are not supported";
        }
        if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            return "ref, out and in parameters are not supported";
        }
        if (method.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)))
        {
            return "CancellationToken parameters are not supported (calls are bounded by the call timeout)";
        }
        return MethodAdapter.IsSupportedReturnType(method.ReturnType)
            ? null
            : "must return Task, Task<T>, ValueTask or ValueTask<T>";
    }
}
