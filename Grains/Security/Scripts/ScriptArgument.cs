namespace Topiary.Security.Scripts;

/// <summary>A string or permission-name argument of a command, with where it was written.</summary>
public readonly record struct ScriptArgument(string Value, int Line, int Column)
{
    public static ScriptArgument From(ScriptToken token) => new(token.Text, token.Line, token.Column);
}
