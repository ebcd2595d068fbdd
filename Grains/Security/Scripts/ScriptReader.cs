namespace Topiary.Security.Scripts;

/// <summary>
/// A cursor over a script's tokens for the two command parsers: it expects keywords, strings
/// and lists, and fails with a SYNTAX error naming what it found and what was expected.
/// </summary>
public sealed class ScriptReader(List<ScriptToken> tokens)
{
    private int _position;

    /// <summary>The 0-based index of the command being read.</summary>
    public int CommandIndex { get; private set; }

    public ScriptToken Peek => tokens[_position];

    /// <summary>Tokenizes <paramref name="script"/> and parses command after command with <paramref name="parseCommand"/>.</summary>
    public static List<ScriptCommand> ParseAll(string script, Func<ScriptReader, ScriptCommand> parseCommand)
    {
        var reader = new ScriptReader(ScriptLexer.Tokenize(script));
        var commands = new List<ScriptCommand>();
        while (!reader.AtEnd)
        {
            commands.Add(parseCommand(reader));
        }
        return commands;
    }

    public bool AtEnd => Peek.Kind == ScriptTokenKind.EndOfScript;

    /// <summary>Whether the next token is the keyword <paramref name="keyword"/> (case-insensitive); consumes it if so.</summary>
    public bool Accept(string keyword)
    {
        if (Peek.Kind == ScriptTokenKind.Word && string.Equals(Peek.Text, keyword, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }
        return false;
    }

    /// <summary>Consumes the keywords in order, each or fail.</summary>
    public void Expect(params string[] keywords)
    {
        foreach (var keyword in keywords)
        {
            if (!Accept(keyword))
            {
                throw ScriptErrors.Syntax(Peek, CommandIndex, $"'{keyword}'");
            }
        }
    }

    public ScriptArgument ExpectString(string what)
    {
        var token = Peek;
        if (token.Kind != ScriptTokenKind.Quoted)
        {
            throw ScriptErrors.Syntax(token, CommandIndex, $"{what} in quotes");
        }
        _position++;
        return ScriptArgument.From(token);
    }

    /// <summary>A list <c>[a, b c]</c> of strings (<paramref name="words"/> false) or of permission words.</summary>
    public List<ScriptArgument> ExpectList(string what, bool words)
    {
        if (Peek.Kind != ScriptTokenKind.OpenBracket)
        {
            throw ScriptErrors.Syntax(Peek, CommandIndex, $"'[' starting a list of {what}");
        }
        _position++;
        var items = new List<ScriptArgument>();
        var item = words ? ScriptTokenKind.Word : ScriptTokenKind.Quoted;
        var itemDescription = words ? "a permission name" : "a quoted string";
        while (Peek.Kind != ScriptTokenKind.CloseBracket)
        {
            if (Peek.Kind != item)
            {
                throw ScriptErrors.Syntax(Peek, CommandIndex, items.Count == 0 ? $"{itemDescription} or ']'" : $"{itemDescription}, ',' or ']'");
            }
            items.Add(ScriptArgument.From(tokens[_position++]));
            if (Peek.Kind == ScriptTokenKind.Comma)
            {
                _position++;
                if (Peek.Kind != item)
                {
                    throw ScriptErrors.Syntax(Peek, CommandIndex, itemDescription);
                }
            }
        }
        _position++;
        return items;
    }

    /// <summary>A list of valid role names (SEC-20).</summary>
    public List<ScriptArgument> ExpectRoles()
    {
        var roles = ExpectList("role names", words: false);
        foreach (var role in roles)
        {
            ScriptValidation.Name(role, CommandIndex, "role");
        }
        return roles;
    }

    /// <summary>The command must end here (line end, <c>;</c> or end of script).</summary>
    public void EndCommand()
    {
        if (Peek.Kind == ScriptTokenKind.EndOfCommand)
        {
            _position++;
        }
        else if (Peek.Kind != ScriptTokenKind.EndOfScript)
        {
            throw ScriptErrors.Syntax(Peek, CommandIndex, "the end of the command (a line end or ';')");
        }
        CommandIndex++;
    }

    /// <summary>The unknown first word of a command.</summary>
    public Exception UnknownCommand(string commands) =>
        ScriptErrors.At(Peek.Line, Peek.Column, CommandIndex, ScriptErrorReason.UnknownCommand,
            $"{Peek.Describe()} does not start a command; commands start with {commands}", expected: commands);

    /// <summary>Builds the command that started at <paramref name="start"/>.</summary>
    public ScriptCommand Command(ScriptVerb verb, ScriptToken start, IReadOnlyList<ScriptArgument> arguments, IReadOnlyList<ScriptArgument>? list = null)
    {
        var command = new ScriptCommand(verb, CommandIndex, start.Line, start.Column, arguments, list ?? []);
        EndCommand();
        return command;
    }
}
