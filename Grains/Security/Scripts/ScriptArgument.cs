namespace Topiary.Security.Scripts;

/// <summary>A string or permission-name argument of a command, with where it was written (see <see cref="ScriptToken"/>).</summary>
public readonly record struct ScriptArgument(string Value, int Line, int Column, int Offset = 0, int Length = 0)
{
    public static ScriptArgument From(ScriptToken token) => new(token.Text, token.Line, token.Column, token.Offset, token.Length);
}
