using Topiary.Cli.Parsing;
using Topiary.Cli.Values;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Cli.Commands;

/// <summary>The <c>--type</c> and <c>--property</c> options of the verbs that add topics.</summary>
internal static class TopicOptions
{
    public static readonly OptionSpec Type = new("--type", "TYPE", $"the topic type: {string.Join(", ", ValueParser.TypeNames)}");

    public static readonly OptionSpec Property = new(
        "--property", "NAME=VALUE", "a specification property, for example PERSISTENT=false (repeatable; docs/topics.md)", Repeatable: true);

    /// <summary>The <c>--type</c> given, or null.</summary>
    public static TopicType? TypeOrNull(CommandLine commandLine) =>
        commandLine.Value(Type) is { } text ? ValueParser.ParseType(text, Type) : null;

    /// <summary>
    /// The specification of <c>--type</c> (default <paramref name="defaultType"/>) and every
    /// <c>--property</c>, checked with the server's rules: an unknown property or a bad value is
    /// a usage error.
    /// </summary>
    public static TopicSpecification Specification(CommandLine commandLine, TopicType defaultType)
    {
        var type = TypeOrNull(commandLine) ?? defaultType;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in commandLine.Values(Property))
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"{Property.Name}: '{text}' is not NAME=VALUE; for example PERSISTENT=false");
            }
            if (!properties.TryAdd(text[..equals], text[(equals + 1)..]))
            {
                throw new UsageException($"{Property.Name}: {text[..equals]} is given more than once");
            }
        }
        try
        {
            return TopicSpecification.Create(type, properties);
        }
        catch (TopiaryArgumentException e)
        {
            throw new UsageException($"{Property.Name}: {e.Message}", e);
        }
    }
}
