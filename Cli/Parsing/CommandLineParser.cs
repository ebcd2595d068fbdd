using Topiary.Cli.Commands;

namespace Topiary.Cli.Parsing;

/// <summary>
/// Parses <c>topiary [global options] &lt;verb words&gt; [arguments] [options]</c>. Options start
/// with <c>--</c> (<c>--name value</c> or <c>--name=value</c>) and may come anywhere after the
/// verb; only global ones before it. Other tokens after the verb, including <c>-5</c>, are
/// arguments; <c>--</c> makes every later token an argument.
/// </summary>
internal sealed class CommandLineParser(CommandRegistry registry)
{
    /// <summary>Parses <paramref name="args"/>; a <see cref="UsageException"/> says what is wrong, and <see cref="Verb"/> how far parsing got.</summary>
    public CommandLine Parse(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        ICliCommand? command = null;
        var arguments = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var onlyArguments = false;
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (onlyArguments || token == "-" || !token.StartsWith('-') || (command is not null && !token.StartsWith("--", StringComparison.Ordinal) && token != "-h"))
            {
                if (command is not null)
                {
                    arguments.Add(token);
                    continue;
                }
                words.Add(token);
                command = registry.Find(words);
                Verb = string.Join(' ', words);
                if (command is null && !registry.IsGroup(words))
                {
                    throw UnknownVerb(words);
                }
                continue;
            }
            if (token == "--")
            {
                onlyArguments = true;
                continue;
            }
            var (name, inline) = token == "-h" ? ("--help", null) : Split(token);
            var spec = Lookup(name, command) ?? throw UnknownOption(name, command);
            string value;
            if (spec.IsFlag)
            {
                value = inline is null ? "" : throw new UsageException($"{name} takes no value (got '{inline}')") { Verb = Verb };
            }
            else
            {
                value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value: {spec.Synopsis}") { Verb = Verb });
            }
            if (!options.TryGetValue(spec.Name, out var values))
            {
                options[spec.Name] = values = [];
            }
            else if (!spec.Repeatable)
            {
                throw new UsageException($"{name} may be given only once") { Verb = Verb };
            }
            values.Add(value);
        }
        var commandLine = new CommandLine(command, Verb, arguments, options);
        if (command is not null && !commandLine.HelpRequested && !commandLine.VersionRequested)
        {
            CheckArguments(command, arguments);
        }
        return commandLine;
    }

    /// <summary>The verb words recognised so far; empty before the first.</summary>
    public string Verb { get; private set; } = "";

    private static (string Name, string? Inline) Split(string token)
    {
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (token, null) : (token[..equals], token[(equals + 1)..]);
    }

    private static OptionSpec? Lookup(string name, ICliCommand? command) =>
        GlobalOptions.All.FirstOrDefault(option => option.Name == name)
        ?? command?.Options.FirstOrDefault(option => option.Name == name);

    private UsageException UnknownOption(string name, ICliCommand? command)
    {
        var allowed = command is null
            ? GlobalOptions.All.Select(option => option.Name)
            : command.Options.Concat(GlobalOptions.All).Select(option => option.Name);
        var where = command is null ? "before the verb" : $"for '{command.Name}'";
        return new UsageException($"unknown option '{name}' {where}; allowed: {string.Join(", ", allowed)}") { Verb = Verb };
    }

    private UsageException UnknownVerb(List<string> words)
    {
        var parent = words[..^1];
        var allowed = string.Join(", ", registry.Children(parent));
        var message = parent.Count == 0
            ? $"unknown verb '{words[^1]}'; verbs: {allowed}"
            : $"unknown verb '{string.Join(' ', words)}'; '{string.Join(' ', parent)}' has: {allowed}";
        Verb = string.Join(' ', parent);
        return new UsageException(message) { Verb = Verb };
    }

    private static void CheckArguments(ICliCommand command, List<string> arguments)
    {
        if (arguments.Count < command.Arguments.Count)
        {
            throw new UsageException($"missing argument {command.Arguments[arguments.Count].Synopsis}") { Verb = command.Name };
        }
        if (arguments.Count > command.Arguments.Count)
        {
            throw new UsageException($"unexpected argument '{arguments[command.Arguments.Count]}'; '{command.Name}' takes {Synopsis(command)}") { Verb = command.Name };
        }
    }

    private static string Synopsis(ICliCommand command) =>
        command.Arguments.Count == 0 ? "no arguments" : string.Join(' ', command.Arguments.Select(argument => argument.Synopsis));
}
