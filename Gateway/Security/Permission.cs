namespace Topiary.Gateway.Security;

/// <summary>Path-scoped permissions of spec/security.md that this release checks.</summary>
internal enum Permission
{
    SelectTopic,
    ReadTopic,
    UpdateTopic,
    ModifyTopic,
}
