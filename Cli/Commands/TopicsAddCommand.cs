using Topiary.Cli.Parsing;
using Topiary.Topics;

namespace Topiary.Cli.Commands;

/// <summary><c>topiary topics add &lt;path&gt; [--type T] [--property NAME=VALUE]...</c>: adds a topic (TOP-30, TOP-31).</summary>
internal sealed class TopicsAddCommand : ICliCommand
{
    public string Name => "topics add";

    public string Summary => "Adds a topic (type json unless --type says otherwise); an equivalent existing topic is left as is.";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [TopicArguments.Path];

    public IReadOnlyList<OptionSpec> Options { get; } = [TopicOptions.Type, TopicOptions.Property];

    public IReadOnlyList<string> Examples { get; } =
    [
        "topics add prices/EURUSD --type double --property PERSISTENT=false",
        "topics add orders/42",
    ];

    public async Task<int> RunAsync(CommandContext context)
    {
        var path = TopicArguments.ValidPath(context.CommandLine, forAdd: true);
        var specification = TopicOptions.Specification(context.CommandLine, TopicType.Json);
        await using var session = await context.OpenSessionAsync(context.Cancellation);
        var added = await session.Topics.AddAsync(path, specification, context.Cancellation);
        if (context.Output.Json)
        {
            await context.Output.ObjectAsync(json =>
            {
                json.WriteString("path", path);
                json.WriteString("type", specification.Type.WireName());
                json.WriteBoolean("added", added);
            });
        }
        else
        {
            await context.Output.LineAsync(added ? $"added {path}" : $"{path} already exists with this specification");
        }
        return ExitCodes.Success;
    }
}
