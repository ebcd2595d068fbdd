namespace Topiary.Security;

/// <summary>The global permissions of spec/security.md SEC-40, as flags so a role set's union is one OR.</summary>
[Flags]
public enum GlobalPermissions
{
    None = 0,
    Authenticate = 1 << 0,
    ViewSession = 1 << 1,
    ModifySession = 1 << 2,
    RegisterHandler = 1 << 3,
    ViewServer = 1 << 4,
    ControlServer = 1 << 5,
    ViewSecurity = 1 << 6,
    ModifySecurity = 1 << 7,
    ReadTopicViews = 1 << 8,
    ModifyTopicViews = 1 << 9,

    /// <summary>All ten.</summary>
    All = (1 << 10) - 1,
}
