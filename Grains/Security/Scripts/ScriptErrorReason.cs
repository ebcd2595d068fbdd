namespace Topiary.Security.Scripts;

/// <summary>The <c>reason</c> values of an INVALID_SCRIPT error (spec/security.md SEC-14).</summary>
public static class ScriptErrorReason
{
    public const string Syntax = "SYNTAX";
    public const string UnknownCommand = "UNKNOWN_COMMAND";
    public const string InvalidName = "INVALID_NAME";
    public const string InvalidKey = "INVALID_KEY";
    public const string InvalidPath = "INVALID_PATH";
    public const string PrincipalExists = "PRINCIPAL_EXISTS";
    public const string NoSuchPrincipal = "NO_SUCH_PRINCIPAL";
    public const string PasswordMismatch = "PASSWORD_MISMATCH";
    public const string PasswordTooShort = "PASSWORD_TOO_SHORT";
    public const string InvalidRegex = "INVALID_REGEX";
    public const string UnknownPermission = "UNKNOWN_PERMISSION";
    public const string WrongScope = "WRONG_SCOPE";
    public const string RoleCycle = "ROLE_CYCLE";
    public const string TooLong = "TOO_LONG";
}
