using Topiary.Cli.Parsing;

namespace Topiary.Cli.Commands;

/// <summary>
/// <c>topiary security update --store authentication|security --script FILE [--if-version N]</c>:
/// applies a store script (docs/security.md) as one atomic update (SEC-11, SEC-21) and prints the
/// store's new version. <c>--script -</c> reads the script from standard input. A script error is
/// the server's INVALID_SCRIPT with its line and column (exit 1).
/// </summary>
internal sealed class SecurityUpdateCommand : ICliCommand
{
    private static readonly OptionSpec Store = new("--store", "STORE", "the store the script is for: authentication or security (required)");
    private static readonly OptionSpec Script = new("--script", "FILE", "the script file, or - for standard input (required)");
    private static readonly OptionSpec IfVersion = new("--if-version", "N", "apply only if the store is still at version N");

    public string Name => "security update";

    public string Summary => "Applies a script to the authentication store or the security store, atomically.";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [];

    public IReadOnlyList<OptionSpec> Options { get; } = [Store, Script, IfVersion];

    public IReadOnlyList<string> Examples { get; } =
    [
        "security update --store security --script roles.txt --principal admin",
        "security update --store authentication --script - --if-version 4",
    ];

    public async Task<int> RunAsync(CommandContext context)
    {
        var store = context.CommandLine.Value(Store) switch
        {
            null => throw new UsageException("--store is required: authentication or security"),
            var name when name.Equals("authentication", StringComparison.OrdinalIgnoreCase) => "authentication",
            var name when name.Equals("security", StringComparison.OrdinalIgnoreCase) => "security",
            var name => throw new UsageException($"--store must be authentication or security, got '{name}'"),
        };
        var script = await ReadScriptAsync(context.CommandLine.Value(Script) ?? throw new UsageException("--script is required: a file, or - for standard input"));
        var ifVersion = context.CommandLine.WholeNumber(IfVersion, 0, long.MaxValue);
        await using var session = await context.OpenSessionAsync(context.Cancellation);
        var version = store == "authentication"
            ? await session.Security.UpdateAuthenticationStoreAsync(script, ifVersion, context.Cancellation)
            : await session.Security.UpdateSecurityStoreAsync(script, ifVersion, context.Cancellation);
        if (context.Output.Json)
        {
            await context.Output.ObjectAsync(json =>
            {
                json.WriteString("store", store);
                json.WriteNumber("version", version);
            });
        }
        else
        {
            await context.Output.LineAsync($"updated the {store} store to version {version}");
        }
        return ExitCodes.Success;
    }

    private static async Task<string> ReadScriptAsync(string file)
    {
        if (file == "-")
        {
            return await Console.In.ReadToEndAsync();
        }
        try
        {
            return await File.ReadAllTextAsync(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--script: cannot read '{file}': {exception.Message}");
        }
    }
}
