namespace Topiary.Cli.Parsing;

/// <summary>An option a verb (or every verb) accepts, for parsing and for help.</summary>
/// <param name="Name">The option with its dashes, for example <c>--limit</c>.</param>
/// <param name="ValueName">The placeholder of its value in help (<c>N</c>); null for a flag that takes no value.</param>
/// <param name="Description">One line for help.</param>
/// <param name="Repeatable">Whether it may be given more than once (each value is kept).</param>
internal sealed record OptionSpec(string Name, string? ValueName, string Description, bool Repeatable = false)
{
    /// <summary>True for a flag such as <c>--json</c>.</summary>
    public bool IsFlag => ValueName is null;

    /// <summary>The option as help shows it: <c>--limit N</c>.</summary>
    public string Synopsis => IsFlag ? Name : $"{Name} {ValueName}";
}
