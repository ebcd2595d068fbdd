using System.Reflection;
using System.Text.RegularExpressions;
using Topiary.Runtime;

namespace Topiary.Tests.Grains.Runtime;

/// <summary>
/// Grains/Runtime is the engine under every feature: it may use only itself, the BCL, Microsoft.*,
/// and Topiary.Errors. Checked on the source (usings and qualified names) and on the compiled types.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed partial class RuntimeDependencyTests
{
    private static readonly string[] Allowed = ["Topiary.Runtime", "Topiary.Errors"];

    [Fact]
    public void Runtime_sources_reference_no_feature_namespace()
    {
        var root = Path.Combine(RepositoryFiles.Root, "Grains", "Runtime");
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in TopiaryName().Matches(lines[i]))
                {
                    if (!Allowed.Any(a => match.Value == a || match.Value.StartsWith(a + ".", StringComparison.Ordinal)))
                    {
                        violations.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {match.Value}");
                    }
                }
            }
        }

        Assert.True(violations.Count == 0, "Feature references in Grains/Runtime:\n" + string.Join("\n", violations));
        Assert.True(Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Count() > 30, "the scan found the runtime sources");
    }

    [Fact]
    public void Runtime_types_use_no_type_outside_the_runtime_and_errors()
    {
        var runtimeTypes = typeof(Grain).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == "Topiary.Runtime" || ns.StartsWith("Topiary.Runtime.", StringComparison.Ordinal)))
            .ToList();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in runtimeTypes)
        {
            var used = new List<Type?> { type.BaseType };
            used.AddRange(type.GetInterfaces());
            used.AddRange(type.GetFields(all).Select(f => f.FieldType));
            used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                used.AddRange(method.GetParameters().Select(p => p.ParameterType));
                if (method is MethodInfo info)
                {
                    used.Add(info.ReturnType);
                }
            }
            foreach (var usedType in used.Where(u => u is not null).SelectMany(u => Flatten(u!)))
            {
                if (usedType.Namespace is { } ns && ns.StartsWith("Topiary", StringComparison.Ordinal)
                    && !Allowed.Any(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal)))
                {
                    violations.Add($"{type.FullName} uses {usedType.FullName}");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(runtimeTypes.Count > 30);
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }
        }
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return argument;
            }
        }
    }

    // "Topiary." followed by a dotted name, in usings, qualified names, attributes or strings.
    [GeneratedRegex(@"\bTopiary(\.[A-Z][A-Za-z0-9_]*)+")]
    private static partial Regex TopiaryName();
}
