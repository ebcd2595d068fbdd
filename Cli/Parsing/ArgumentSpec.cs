namespace Topiary.Cli.Parsing;

/// <summary>A required positional argument of a verb, for parsing and for help.</summary>
/// <param name="Name">The name help shows between angle brackets, for example <c>selector</c>.</param>
/// <param name="Description">One line for help.</param>
internal sealed record ArgumentSpec(string Name, string Description)
{
    /// <summary>The argument as help and errors show it: <c>&lt;selector&gt;</c>.</summary>
    public string Synopsis => $"<{Name}>";
}
