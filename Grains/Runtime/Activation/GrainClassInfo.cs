using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Topiary.Runtime.Activation;

/// <summary>A discovered grain class: its stored type name, the grain interfaces it serves, and a DI factory.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(Type classType, IReadOnlyList<Type> interfaces)
    {
        ClassType = classType;
        Interfaces = interfaces;
        GrainType = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? classType.FullName ?? classType.Name;
        IsRemindable = typeof(IRemindable).IsAssignableFrom(classType);
        // Built once: ActivatorUtilities resolves constructor parameters from the activation's scope.
        Factory = ActivatorUtilities.CreateFactory(classType, Type.EmptyTypes);
    }

    public Type ClassType { get; }

    /// <summary>The name under which state and reminders are stored.</summary>
    public string GrainType { get; }

    public IReadOnlyList<Type> Interfaces { get; }

    public bool IsRemindable { get; }

    public ObjectFactory Factory { get; }
}
