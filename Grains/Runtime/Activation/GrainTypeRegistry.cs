using System.Reflection;
using Topiary.Runtime.Calls;

namespace Topiary.Runtime.Activation;

/// <summary>
/// The grain interfaces and the classes implementing them, discovered by reflection at start. Rules:
/// a grain class is a non-abstract class deriving from <see cref="Grain"/>; it serves every interface it
/// implements that derives from <see cref="IGrainWithStringKey"/>; each interface has exactly one class;
/// grain type names are unique. Every violation is reported at once, at start.
/// </summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClassInfo> _classByInterface = [];
    private readonly Dictionary<Type, InterfaceDescriptor> _interfaces = [];
    private readonly Dictionary<string, InterfaceDescriptor> _interfacesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GrainClassInfo> _classByGrainType = new(StringComparer.Ordinal);

    private GrainTypeRegistry()
    {
    }

    public IEnumerable<GrainClassInfo> Classes => _classByGrainType.Values;

    public int ClassCount => _classByGrainType.Count;

    /// <summary>Grain interfaces by wire name, looked up without allocating a string for the received name.</summary>
    public Dictionary<string, InterfaceDescriptor>.AlternateLookup<ReadOnlySpan<char>> InterfacesByName =>
        _interfacesByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static GrainTypeRegistry Discover(IEnumerable<Assembly> assemblies, IEnumerable<Type> classes) =>
        Create(assemblies.SelectMany(LoadableTypes).Concat(classes).Distinct());

    /// <summary>Builds the registry from candidate types (non-grain types are ignored).</summary>
    public static GrainTypeRegistry Create(IEnumerable<Type> candidates)
    {
        var registry = new GrainTypeRegistry();
        var problems = new List<string>();
        var implementers = new Dictionary<Type, List<Type>>();
        foreach (var type in candidates)
        {
            if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters || !typeof(Grain).IsAssignableFrom(type))
            {
                continue;
            }
            var interfaces = type.GetInterfaces()
                .Where(i => i != typeof(IGrainWithStringKey) && typeof(IGrainWithStringKey).IsAssignableFrom(i))
                .OrderBy(i => i.FullName, StringComparer.Ordinal)
                .ToList();
            if (interfaces.Count == 0)
            {
                continue;
            }
            var info = new GrainClassInfo(type, interfaces);
            if (!registry._classByGrainType.TryAdd(info.GrainType, info))
            {
                problems.Add($"grain type name '{info.GrainType}' is used by both {registry._classByGrainType[info.GrainType].ClassType.FullName} and {type.FullName}");
            }
            foreach (var grainInterface in interfaces)
            {
                if (!implementers.TryGetValue(grainInterface, out var list))
                {
                    implementers[grainInterface] = list = [];
                }
                list.Add(type);
                registry._classByInterface[grainInterface] = info;
            }
        }
        foreach (var (grainInterface, classes) in implementers)
        {
            if (classes.Count > 1)
            {
                problems.Add($"{grainInterface.FullName} is implemented by {string.Join(" and ", classes.Select(c => c.FullName))}; exactly one class may implement a grain interface");
                continue;
            }
            try
            {
                var descriptor = InterfaceDescriptor.Create(grainInterface);
                registry._interfaces[grainInterface] = descriptor;
                registry._interfacesByName[descriptor.Name] = descriptor;
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(ex.Message);
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Grain discovery failed: {string.Join("; ", problems)}.");
        }
        return registry;
    }

    public bool TryGetInterface(Type grainInterface, out InterfaceDescriptor descriptor) =>
        _interfaces.TryGetValue(grainInterface, out descriptor!);

    public bool TryGetInterface(string name, out InterfaceDescriptor descriptor) =>
        _interfacesByName.TryGetValue(name, out descriptor!);

    public bool TryGetClass(Type grainInterface, out GrainClassInfo grainClass) =>
        _classByInterface.TryGetValue(grainInterface, out grainClass!);

    public bool TryGetClass(string grainType, out GrainClassInfo grainClass) =>
        _classByGrainType.TryGetValue(grainType, out grainClass!);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            // Types whose dependencies are missing cannot be grains we can run anyway.
            return ex.Types.OfType<Type>();
        }
    }
}
