namespace Topiary.Security.Scripts;

/// <summary>The kinds of token in a store script (spec/security.md SEC-12).</summary>
public enum ScriptTokenKind
{
    /// <summary>A bare word: a keyword or a permission name.</summary>
    Word,

    /// <summary>A quoted string (name, password, path, key, regex, value).</summary>
    Quoted,

    OpenBracket,
    CloseBracket,
    Comma,

    /// <summary>A line end or <c>;</c>.</summary>
    EndOfCommand,

    EndOfScript,
}
