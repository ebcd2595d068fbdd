namespace Topiary.Runtime;

/// <summary>
/// Pins the grain type name under which a grain's state and reminders are stored. Without it the
/// class's full name is used, so renaming or moving the class would orphan its stored state.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The stored grain type name, for example <c>topic</c>.</summary>
    public string Name { get; } = name;
}
