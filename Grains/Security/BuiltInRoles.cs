namespace Topiary.Security;

/// <summary>The roles and principal the first start creates (spec/security.md SEC-70).</summary>
public static class BuiltInRoles
{
    /// <summary>Every permission, on every path.</summary>
    public const string Administrator = "ADMINISTRATOR";

    public const string Operator = "OPERATOR";

    public const string TopicControl = "TOPIC_CONTROL";

    public const string ClientControl = "CLIENT_CONTROL";

    public const string Client = "CLIENT";

    public const string AuthenticationHandler = "AUTHENTICATION_HANDLER";

    /// <summary>The principal holding <see cref="Administrator"/> from the first start.</summary>
    public const string AdministratorPrincipal = "admin";
}
