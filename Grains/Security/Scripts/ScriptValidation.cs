using System.Text.RegularExpressions;
using Topiary.Topics;

namespace Topiary.Security.Scripts;

/// <summary>Checks of the values in a script that need no store state: names, keys, paths, passwords, regexes.</summary>
public static class ScriptValidation
{
    /// <summary>Principal and role names: 1–256 characters, no control characters (SEC-1, SEC-20).</summary>
    public const int MaxNameLength = 256;

    /// <summary>New passwords: 8–1,024 characters (SEC-2, SEC-3).</summary>
    public const int MinPasswordLength = 8;

    public const int MaxPasswordLength = 1024;

    /// <summary>User property keys: 1–128 characters (sessions.md SES-23).</summary>
    public const int MaxKeyLength = 128;

    private static readonly string[] s_filterKeywords = ["and", "or", "not", "all", "has", "hasRoles", "is", "eq", "ne", "in"];

    public static void Name(ScriptArgument name, int commandIndex, string what)
    {
        if (name.Value.Length is 0 or > MaxNameLength || name.Value.Any(char.IsControl))
        {
            throw ScriptErrors.At(name, commandIndex, ScriptErrorReason.InvalidName,
                $"a {what} name must have 1 to {MaxNameLength} characters and no control characters");
        }
    }

    public static void Password(ScriptArgument password, int commandIndex)
    {
        if (password.Value.Length < MinPasswordLength)
        {
            throw ScriptErrors.At(password, commandIndex, ScriptErrorReason.PasswordTooShort,
                $"a new password must have at least {MinPasswordLength} characters");
        }
        if (password.Value.Length > MaxPasswordLength)
        {
            throw ScriptErrors.At(password, commandIndex, ScriptErrorReason.TooLong,
                $"a password may have at most {MaxPasswordLength} characters");
        }
    }

    public static void Key(ScriptArgument key, int commandIndex)
    {
        var text = key.Value;
        if (text.Length is 0 or > MaxKeyLength || text[0] == '$'
            || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or '(' or ')' or '[' or ']' or ',')
            || s_filterKeywords.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            throw ScriptErrors.At(key, commandIndex, ScriptErrorReason.InvalidKey,
                $"a property key must have 1 to {MaxKeyLength} characters, not start with '$', contain no whitespace, " +
                "control characters, quotes, parentheses, brackets or commas, and not be a session-filter keyword");
        }
    }

    public static void Path(ScriptArgument path, int commandIndex)
    {
        // The '$' reservation of TOP-3 does not apply to security paths (SEC-32).
        if (!TopicPath.TryValidate(path.Value, out var error))
        {
            throw ScriptErrors.At(path, commandIndex, ScriptErrorReason.InvalidPath,
                $"not a valid topic path: {error.Message} ({error.Reason} at position {error.Position})");
        }
    }

    public static void Regex(ScriptArgument regex, int commandIndex)
    {
        try
        {
            _ = new Regex(regex.Value, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException exception)
        {
            throw ScriptErrors.At(regex, commandIndex, ScriptErrorReason.InvalidRegex,
                $"not a valid .NET regular expression: {exception.Message}");
        }
    }
}
