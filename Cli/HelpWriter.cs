using Topiary.Cli.Commands;
using Topiary.Cli.Parsing;

namespace Topiary.Cli;

/// <summary>Writes <c>--help</c> text, generated from the verbs' declarations so it cannot drift from the parser.</summary>
internal static class HelpWriter
{
    /// <summary>Help for the verb of <paramref name="commandLine"/>, the group it names, or the whole tool.</summary>
    public static async Task WriteAsync(TextWriter output, CommandRegistry registry, CommandLine commandLine)
    {
        if (commandLine.Command is { } command)
        {
            await WriteCommandAsync(output, command);
            return;
        }
        var verbs = commandLine.Verb.Length == 0 ? registry.Commands : registry.InGroup(commandLine.Verb);
        var title = commandLine.Verb.Length == 0 ? "<verb>" : commandLine.Verb + " <verb>";
        await output.WriteLineAsync("topiary: the command-line client of Topiary servers (docs/cli.md)");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Usage: topiary {title} [arguments] [options]");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Verbs:");
        var width = verbs.Max(verb => verb.Name.Length);
        foreach (var verb in verbs)
        {
            await output.WriteLineAsync($"  {verb.Name.PadRight(width)}  {verb.Summary}");
        }
        await WriteOptionsAsync(output, "Global options", GlobalOptions.All);
        await output.WriteLineAsync();
        await output.WriteLineAsync("Exit codes: 0 success, 1 server-side error, 2 usage error, 3 timeout or connection failure.");
        await output.WriteLineAsync("Run 'topiary <verb> --help' for a verb's arguments and options.");
    }

    private static async Task WriteCommandAsync(TextWriter output, ICliCommand command)
    {
        var arguments = string.Concat(command.Arguments.Select(argument => " " + argument.Synopsis));
        await output.WriteLineAsync($"Usage: topiary {command.Name}{arguments} [options]");
        await output.WriteLineAsync();
        await output.WriteLineAsync(command.Summary);
        if (command.Arguments.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Arguments:");
            var width = command.Arguments.Max(argument => argument.Synopsis.Length);
            foreach (var argument in command.Arguments)
            {
                await output.WriteLineAsync($"  {argument.Synopsis.PadRight(width)}  {argument.Description}");
            }
        }
        if (command.Options.Count > 0)
        {
            await WriteOptionsAsync(output, "Options", command.Options);
        }
        await WriteOptionsAsync(output, "Global options", GlobalOptions.All);
        await output.WriteLineAsync();
        await output.WriteLineAsync("Examples:");
        foreach (var example in command.Examples)
        {
            await output.WriteLineAsync($"  topiary {example}");
        }
    }

    private static async Task WriteOptionsAsync(TextWriter output, string heading, IReadOnlyList<OptionSpec> options)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync(heading + ":");
        var width = options.Max(option => option.Synopsis.Length);
        foreach (var option in options)
        {
            await output.WriteLineAsync($"  {option.Synopsis.PadRight(width)}  {option.Description}");
        }
    }
}
