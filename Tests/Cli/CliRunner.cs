using Topiary.Cli;
using Topiary.Tests.EndToEnd;

namespace Topiary.Tests.Cli;

/// <summary>Runs <c>topiary</c> in-process through <see cref="CliApplication.RunAsync"/> with injected output and environment.</summary>
internal static class CliRunner
{
    /// <summary>No TOPIARY_* variables at all.</summary>
    public static IReadOnlyDictionary<string, string?> EmptyEnvironment { get; } = new Dictionary<string, string?>();

    /// <summary>Variables that point at <paramref name="gateway"/> as the admin principal.</summary>
    public static Dictionary<string, string?> AdminEnvironment(GatewayHost gateway) => new()
    {
        ["TOPIARY_URL"] = gateway.Url.ToString(),
        ["TOPIARY_PRINCIPAL"] = "admin",
        ["TOPIARY_PASSWORD"] = GatewayHost.AdminPassword,
    };

    /// <summary>Runs with no environment (usage errors need no server).</summary>
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(EmptyEnvironment, args);

    /// <summary>Runs as the admin of <paramref name="gateway"/> (through the environment).</summary>
    public static Task<CliRun> RunAsync(GatewayHost gateway, params string[] args) => RunAsync(AdminEnvironment(gateway), args);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, stdout, stderr, environment, CancellationToken.None);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts a run whose output can be read line by line while it goes on; <paramref name="cancellation"/> plays Ctrl+C.</summary>
    public static async Task<CliRun> RunAsync(
        IReadOnlyDictionary<string, string?> environment, LineWriter stdout, CancellationToken cancellation, params string[] args)
    {
        await Task.Yield();
        using var stderr = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, stdout, stderr, environment, cancellation);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
