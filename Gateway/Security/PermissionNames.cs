namespace Topiary.Gateway.Security;

/// <summary>Wire names of <see cref="Permission"/> values, as error details carry them.</summary>
internal static class PermissionNames
{
    public static string WireName(this Permission permission) => permission switch
    {
        Permission.SelectTopic => "SELECT_TOPIC",
        Permission.ReadTopic => "READ_TOPIC",
        Permission.UpdateTopic => "UPDATE_TOPIC",
        _ => "MODIFY_TOPIC",
    };
}
