using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Security.Scripts;

/// <summary>
/// INVALID_SCRIPT errors (spec/errors.md, security.md SEC-14): where (1-based line and column,
/// 0-based command index), why (a <see cref="ScriptErrorReason"/>) and, for syntax errors, what
/// was expected. Messages never contain a string token's text: it may be a password.
/// </summary>
public static class ScriptErrors
{
    /// <summary>A token that does not fit the grammar.</summary>
    public static TopiaryException Syntax(ScriptToken found, int commandIndex, string expected) =>
        At(found.Line, found.Column, commandIndex, ScriptErrorReason.Syntax,
            $"expected {expected} but found {found.Describe()}", expected);

    /// <summary>An error located at a token or argument.</summary>
    public static TopiaryException At(int line, int column, int commandIndex, string reason, string message,
        string? expected = null, IReadOnlyList<string>? roles = null)
    {
        var details = new JsonObject
        {
            ["line"] = line,
            ["column"] = column,
            ["commandIndex"] = commandIndex,
            ["reason"] = reason,
        };
        if (expected is not null)
        {
            details["expected"] = expected;
        }
        if (roles is not null)
        {
            details["roles"] = new JsonArray([.. roles.Select(role => (JsonNode)role)]);
        }
        return TopiaryException.Create(ErrorCode.InvalidScript, $"line {line}, column {column} (command {commandIndex}): {message}", details);
    }

    /// <summary>An error about one argument of a command.</summary>
    public static TopiaryException At(ScriptArgument argument, int commandIndex, string reason, string message,
        IReadOnlyList<string>? roles = null) =>
        At(argument.Line, argument.Column, commandIndex, reason, message, roles: roles);
}
