using System.Reflection;

namespace Topiary.Cli.Commands;

/// <summary>The verbs of <c>topiary</c>, found by reflection so that a new verb needs only its own file.</summary>
internal sealed class CommandRegistry
{
    private readonly Dictionary<string, ICliCommand> _byName;

    public CommandRegistry(IEnumerable<ICliCommand> commands)
    {
        _byName = new Dictionary<string, ICliCommand>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            if (!_byName.TryAdd(command.Name, command))
            {
                throw new InvalidOperationException($"two verbs are named '{command.Name}'");
            }
        }
        Commands = [.. _byName.Values.OrderBy(command => command.Name, StringComparer.Ordinal)];
    }

    /// <summary>The registry of every <see cref="ICliCommand"/> class in this assembly.</summary>
    public static CommandRegistry Default { get; } = new(Discover());

    /// <summary>Every verb, ordered by name.</summary>
    public IReadOnlyList<ICliCommand> Commands { get; }

    /// <summary>The verb named by <paramref name="words"/> exactly, or null.</summary>
    public ICliCommand? Find(IReadOnlyList<string> words) =>
        _byName.GetValueOrDefault(string.Join(' ', words));

    /// <summary>Whether <paramref name="words"/> is a group: the first words of at least one longer verb.</summary>
    public bool IsGroup(IReadOnlyList<string> words) => Children(words).Count > 0;

    /// <summary>The words that may follow <paramref name="words"/> (all first words when empty), ordered.</summary>
    public IReadOnlyList<string> Children(IReadOnlyList<string> words)
    {
        var children = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var command in Commands)
        {
            var parts = command.Name.Split(' ');
            if (parts.Length > words.Count && parts.AsSpan(0, words.Count).SequenceEqual(words.ToArray()))
            {
                children.Add(parts[words.Count]);
            }
        }
        return [.. children];
    }

    /// <summary>The verbs whose name starts with the words of <paramref name="group"/>.</summary>
    public IReadOnlyList<ICliCommand> InGroup(string group) =>
        [.. Commands.Where(command => command.Name.StartsWith(group + " ", StringComparison.Ordinal))];

    private static IEnumerable<ICliCommand> Discover() =>
        typeof(CommandRegistry).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(type))
            .Select(type => (ICliCommand)Activator.CreateInstance(type, nonPublic: true)!);
}
