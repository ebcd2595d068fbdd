using System.Globalization;
using Topiary.Cli.Parsing;

namespace Topiary.Cli.Commands;

/// <summary><c>topiary ping</c>: opens a session and measures one round trip (SES-17).</summary>
internal sealed class PingCommand : ICliCommand
{
    public string Name => "ping";

    public string Summary => "Measures the round trip to the gateway and prints the server's version.";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [];

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public IReadOnlyList<string> Examples { get; } = ["ping", "ping --url https://topiary.example.com --json"];

    public async Task<int> RunAsync(CommandContext context)
    {
        await using var session = await context.OpenSessionAsync(context.Cancellation);
        var ping = await session.PingAsync(context.Cancellation);
        var milliseconds = Math.Round(ping.RoundTrip.TotalMilliseconds, 3);
        if (context.Output.Json)
        {
            await context.Output.ObjectAsync(json =>
            {
                json.WriteString("gateway", session.Gateway);
                json.WriteNumber("roundTripMs", milliseconds);
                json.WriteString("serverVersion", ping.ServerVersion);
                json.WriteString("serverTime", ping.ServerTime);
            });
        }
        else
        {
            var time = milliseconds.ToString("0.###", CultureInfo.InvariantCulture);
            await context.Output.LineAsync($"pong from {session.Gateway} in {time} ms; server version {ping.ServerVersion}");
        }
        return ExitCodes.Success;
    }
}
