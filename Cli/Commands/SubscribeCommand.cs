using System.Globalization;
using Topiary.Cli.Parsing;
using Topiary.Client;
using Topiary.Client.Topics;
using Topiary.Topics;

namespace Topiary.Cli.Commands;

/// <summary>
/// <c>topiary subscribe &lt;selector&gt; [--count N] [--timeout SECONDS]</c>: prints each value as it
/// arrives (the current ones first, TOP-50), flushing every line. Ends after N values, at the
/// timeout (exit 3 only when <c>--count</c> was not reached), on Ctrl+C (exit 0), or when the
/// connection is lost (exit 3).
/// </summary>
internal sealed class SubscribeCommand : ICliCommand
{
    // Room for bursts while stdout is slow; beyond it the SDK ends the stream with LIMIT_EXCEEDED.
    private const int Capacity = 65_536;

    private static readonly OptionSpec Count = new("--count", "N", "exit after N values (exit 3 if the timeout comes first)");

    private static readonly OptionSpec Timeout = new("--timeout", "SECONDS", "stop after this many seconds (exit 0 unless --count was not reached)");

    public string Name => "subscribe";

    public string Summary => "Subscribes and prints path<TAB>value for every value received, as it arrives.";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [TopicArguments.Selector];

    public IReadOnlyList<OptionSpec> Options { get; } = [Count, Timeout];

    public IReadOnlyList<string> Examples { get; } = ["subscribe '?prices//'", "subscribe '>orders/42' --count 1 --timeout 30 --json"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var selector = TopicArguments.ValidSelector(context.CommandLine);
        var count = context.CommandLine.WholeNumber(Count, 1, long.MaxValue);
        var seconds = context.CommandLine.WholeNumber(Timeout, 1, 86_400 * 365);
        using var timeout = new CancellationTokenSource();
        if (seconds is { } limit)
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(limit));
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation, timeout.Token);
        long received = 0;
        try
        {
            await using var session = await context.OpenSessionAsync(stop.Token);
            string? closedReason = null;
            session.Closed += (_, e) => closedReason = e.Message is null ? e.Reason : $"{e.Reason}: {e.Message}";
            var events = session.Topics.Stream<TopicValue>(selector, Capacity, stop.Token);
            await session.Topics.SubscribeAsync(selector, stop.Token);
            await foreach (var topicEvent in events)
            {
                if (topicEvent.Kind != TopicEventKind.Value)
                {
                    continue;
                }
                await context.Output.TopicAsync(topicEvent.Path, topicEvent.Value, topicEvent.Sequence);
                await context.Output.FlushAsync();
                if (++received == count)
                {
                    return ExitCodes.Success;
                }
            }
            throw new CommandFailedException($"the session closed ({closedReason ?? session.State.ToString()}) after {received} values");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (context.Cancellation.IsCancellationRequested || count is null)
            {
                return ExitCodes.Success;
            }
            throw new CommandFailedException(
                $"timed out after {seconds?.ToString(CultureInfo.InvariantCulture)} s with {received} of {count} values");
        }
    }
}
