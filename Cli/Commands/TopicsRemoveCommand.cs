using Topiary.Cli.Parsing;

namespace Topiary.Cli.Commands;

/// <summary><c>topiary topics remove &lt;selector&gt;</c>: removes the selected topics and prints how many (TOP-40).</summary>
internal sealed class TopicsRemoveCommand : ICliCommand
{
    public string Name => "topics remove";

    public string Summary => "Removes the selected topics and prints how many were removed.";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [TopicArguments.Selector];

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public IReadOnlyList<string> Examples { get; } = ["topics remove '?prices//'", "topics remove '>orders/42'"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var selector = TopicArguments.ValidSelector(context.CommandLine);
        await using var session = await context.OpenSessionAsync(context.Cancellation);
        var removed = await session.Topics.RemoveAsync(selector, context.Cancellation);
        if (context.Output.Json)
        {
            await context.Output.ObjectAsync(json => json.WriteNumber("removed", removed));
        }
        else
        {
            await context.Output.LineAsync($"removed {removed}");
        }
        return ExitCodes.Success;
    }
}
