namespace Topiary.Runtime.Calls;

/// <summary>
/// Where a call goes: a grain (interface + key; the runtime decides which process hosts it) or an
/// observer (interface + the address of the process that registered it + its id).
/// </summary>
internal readonly record struct CallTarget(InterfaceDescriptor Interface, string Key, string? ObserverAddress)
{
    public bool IsObserver => ObserverAddress is not null;

    public override string ToString() => IsObserver ? $"observer {Key}@{ObserverAddress}" : $"{Interface.Type.Name}/{Key}";
}
