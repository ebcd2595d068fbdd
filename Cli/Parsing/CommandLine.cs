using System.Globalization;
using Topiary.Cli.Commands;

namespace Topiary.Cli.Parsing;

/// <summary>A parsed command line: the verb (or the group help was asked for), its arguments and options.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options;

    public CommandLine(
        ICliCommand? command,
        string verb,
        IReadOnlyList<string> arguments,
        Dictionary<string, List<string>> options)
    {
        Command = command;
        Verb = verb;
        Arguments = arguments;
        _options = options;
    }

    /// <summary>The verb, or null when only help or the version was asked for.</summary>
    public ICliCommand? Command { get; }

    /// <summary>The verb's words as given (<c>topics get</c>, or a group such as <c>topics</c>); empty for none.</summary>
    public string Verb { get; }

    /// <summary>The positional arguments, in the order of <see cref="ICliCommand.Arguments"/>.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public bool HelpRequested => Has(GlobalOptions.Help);

    public bool VersionRequested => Has(GlobalOptions.Version);

    public bool Json => Has(GlobalOptions.Json);

    /// <summary>Whether the option (or flag) was given.</summary>
    public bool Has(OptionSpec option) => _options.ContainsKey(option.Name);

    /// <summary>The option's value, or null when it was not given.</summary>
    public string? Value(OptionSpec option) => _options.TryGetValue(option.Name, out var values) ? values[^1] : null;

    /// <summary>Every value of a repeatable option, in order.</summary>
    public IReadOnlyList<string> Values(OptionSpec option) => _options.TryGetValue(option.Name, out var values) ? values : [];

    /// <summary>The value of a positional argument by its name.</summary>
    public string Argument(ArgumentSpec argument)
    {
        var index = Command is null ? -1 : IndexOf(Command.Arguments, argument);
        return index >= 0 && index < Arguments.Count
            ? Arguments[index]
            : throw new InvalidOperationException($"'{Verb}' has no argument {argument.Synopsis}");
    }

    /// <summary>The option's value as a whole number in [<paramref name="min"/>, <paramref name="max"/>], or null; a usage error otherwise.</summary>
    public long? WholeNumber(OptionSpec option, long min, long max)
    {
        if (Value(option) is not { } text)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        throw new UsageException($"{option.Name}: '{text}' is not allowed; expected a whole number from {min} to {max}");
    }

    private static int IndexOf(IReadOnlyList<ArgumentSpec> arguments, ArgumentSpec argument)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == argument)
            {
                return i;
            }
        }
        return -1;
    }
}
