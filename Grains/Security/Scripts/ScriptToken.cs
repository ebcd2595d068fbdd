namespace Topiary.Security.Scripts;

/// <summary>
/// One token with its 1-based line and column; for a quoted string also where its source text
/// (quotes included) starts in the script and how long it is, so it can be redacted.
/// </summary>
public readonly record struct ScriptToken(ScriptTokenKind Kind, string Text, int Line, int Column, int Offset = 0, int Length = 0)
{
    /// <summary>
    /// How an error names this token. A string is never quoted back: it may be a password,
    /// and errors are logged and returned (SEC-2).
    /// </summary>
    public string Describe() => Kind switch
    {
        ScriptTokenKind.Word => $"'{Text}'",
        ScriptTokenKind.Quoted => "a string",
        ScriptTokenKind.OpenBracket => "'['",
        ScriptTokenKind.CloseBracket => "']'",
        ScriptTokenKind.Comma => "','",
        ScriptTokenKind.EndOfCommand => Text == ";" ? "';'" : "the end of the line",
        _ => "the end of the script",
    };
}
