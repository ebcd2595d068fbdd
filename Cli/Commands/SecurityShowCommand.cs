using System.Text.Json;
using Topiary.Cli.Parsing;

namespace Topiary.Cli.Commands;

/// <summary>
/// <c>topiary security show</c>: prints the system authentication store and the security store
/// (SEC-10, SEC-20; needs VIEW_SECURITY) as one JSON document, indented, or on one line with
/// <c>--json</c>. Password hashes are never part of it.
/// </summary>
internal sealed class SecurityShowCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web);

    public string Name => "security show";

    public string Summary => "Prints the authentication store and the security store as JSON.";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [];

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public IReadOnlyList<string> Examples { get; } = ["security show --principal admin", "security show --json"];

    public async Task<int> RunAsync(CommandContext context)
    {
        await using var session = await context.OpenSessionAsync(context.Cancellation);
        var stores = new
        {
            Authentication = await session.Security.GetSystemAuthenticationAsync(context.Cancellation),
            Security = await session.Security.GetSecurityAsync(context.Cancellation),
        };
        await context.Output.LineAsync(JsonSerializer.Serialize(stores, context.Output.Json ? Compact : Indented));
        return ExitCodes.Success;
    }
}
