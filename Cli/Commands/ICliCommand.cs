using Topiary.Cli.Parsing;

namespace Topiary.Cli.Commands;

/// <summary>
/// One verb of <c>topiary</c>. Adding a verb is adding a class that implements this interface in
/// <c>Cli/Commands/</c>: <see cref="CommandRegistry"/> finds it, the parser checks its arguments
/// and options, and help is generated from them.
/// </summary>
internal interface ICliCommand
{
    /// <summary>The verb's words, for example <c>topics add</c>; a verb of several words forms a group (<c>topics</c>).</summary>
    string Name { get; }

    /// <summary>One sentence for the verb list and the verb's help.</summary>
    string Summary { get; }

    /// <summary>The required positional arguments, in order.</summary>
    IReadOnlyList<ArgumentSpec> Arguments { get; }

    /// <summary>The verb's own options (the global ones are added by the parser).</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Example command lines for help, without the leading <c>topiary</c>.</summary>
    IReadOnlyList<string> Examples { get; }

    /// <summary>
    /// Runs the verb and returns its exit code. Throws <see cref="UsageException"/> for a bad
    /// argument; a <see cref="Errors.TopiaryException"/> from the server is mapped to an exit
    /// code by <see cref="CliApplication"/>.
    /// </summary>
    Task<int> RunAsync(CommandContext context);
}
