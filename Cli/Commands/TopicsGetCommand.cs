using Topiary.Cli.Parsing;
using Topiary.Client.Topics;

namespace Topiary.Cli.Commands;

/// <summary>
/// <c>topiary topics get &lt;selector&gt; [--limit N]</c>: prints the selected topics and their
/// values, one per line in path order (TOP-6), fetched page by page (TOP-81).
/// </summary>
internal sealed class TopicsGetCommand : ICliCommand
{
    // Large enough to need few round trips, small enough to keep each answer well under the message limit.
    private const int PageSize = 500;

    private static readonly OptionSpec Limit = new("--limit", "N", "print at most N topics (default: all)");

    public string Name => "topics get";

    public string Summary => "Prints the selected topics as path<TAB>value lines, in path order.";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [TopicArguments.Selector];

    public IReadOnlyList<OptionSpec> Options { get; } = [Limit];

    public IReadOnlyList<string> Examples { get; } =
    [
        "topics get '?prices//'",
        "topics get '?.*//' --limit 10 --json",
    ];

    public async Task<int> RunAsync(CommandContext context)
    {
        var selector = TopicArguments.ValidSelector(context.CommandLine);
        var remaining = context.CommandLine.WholeNumber(Limit, 0, int.MaxValue) ?? long.MaxValue;
        await using var session = await context.OpenSessionAsync(context.Cancellation);
        string? after = null;
        while (remaining > 0)
        {
            var options = new FetchOptions { Limit = (int)Math.Min(remaining, PageSize), After = after, WithValues = true };
            var page = await session.Topics.FetchAsync(selector, options, context.Cancellation);
            foreach (var topic in page.Results)
            {
                await context.Output.TopicAsync(topic.Path, topic.Value, topic.Sequence);
            }
            remaining -= page.Results.Count;
            if (!page.HasMore || page.Results.Count == 0)
            {
                break;
            }
            after = page.Results[^1].Path;
        }
        return ExitCodes.Success;
    }
}
