namespace Topiary.Security.Scripts;

/// <summary>
/// One parsed command: its verb, its 0-based index in the script, where it starts, its string
/// arguments in written order, and its list (roles, values or permission names), if any.
/// </summary>
public sealed record ScriptCommand(
    ScriptVerb Verb, int Index, int Line, int Column, IReadOnlyList<ScriptArgument> Arguments, IReadOnlyList<ScriptArgument> List)
{
    /// <summary>The <paramref name="index"/>th string argument's text.</summary>
    public string Text(int index) => Arguments[index].Value;

    /// <summary>The list's texts.</summary>
    public List<string> ListTexts() => [.. List.Select(item => item.Value)];
}
