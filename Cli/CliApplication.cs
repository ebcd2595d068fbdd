using System.Reflection;
using Topiary.Cli.Commands;
using Topiary.Cli.Output;
using Topiary.Cli.Parsing;
using Topiary.Errors;

namespace Topiary.Cli;

/// <summary>
/// The <c>topiary</c> command, runnable in-process: parses the arguments, runs the verb and maps
/// every failure to one line on standard error and an exit code (<see cref="ExitCodes"/>).
/// </summary>
public static class CliApplication
{
    /// <summary>The version <c>topiary --version</c> prints, without build metadata.</summary>
    public static string Version { get; } =
        typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    /// <summary>
    /// Runs <c>topiary</c> with <paramref name="args"/> and returns the exit code. Never throws
    /// for bad input, server errors or lost connections; <paramref name="cancellationToken"/> is
    /// Ctrl+C. Reads the connection variables (docs/cli.md) from <paramref name="environment"/> only.
    /// </summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environment);
        var registry = CommandRegistry.Default;
        var parser = new CommandLineParser(registry);
        CommandLine commandLine;
        try
        {
            commandLine = parser.Parse(args);
        }
        catch (UsageException e)
        {
            return await FailAsync(stderr, e.Verb ?? parser.Verb, e, ExitCodes.Usage);
        }
        if (commandLine.VersionRequested)
        {
            await stdout.WriteLineAsync($"topiary {Version}");
            await stdout.FlushAsync(CancellationToken.None);
            return ExitCodes.Success;
        }
        if (commandLine.HelpRequested)
        {
            await HelpWriter.WriteAsync(stdout, registry, commandLine);
            await stdout.FlushAsync(CancellationToken.None);
            return ExitCodes.Success;
        }
        if (commandLine.Command is not { } command)
        {
            var words = commandLine.Verb.Length == 0 ? [] : commandLine.Verb.Split(' ');
            var missing = new UsageException($"missing verb; one of: {string.Join(", ", registry.Children(words))}");
            return await FailAsync(stderr, commandLine.Verb, missing, ExitCodes.Usage);
        }
        var output = new OutputWriter(stdout, commandLine.Json);
        try
        {
            var settings = ConnectionSettings.Resolve(commandLine, environment);
            var exitCode = await command.RunAsync(new CommandContext(commandLine, output, settings, cancellationToken));
            await output.FlushAsync();
            return exitCode;
        }
        catch (Exception e)
        {
            // Whatever was printed before the failure still reaches the reader.
            await FlushQuietlyAsync(output);
            return await FailAsync(stderr, command.Name, e, ExitCodeOf(e, cancellationToken));
        }
    }

    private static int ExitCodeOf(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        UsageException => ExitCodes.Usage,
        CommandFailedException failed => failed.ExitCode,
        // Not applied because nothing answered, or possibly applied without an answer: retrying may help.
        TopiaryTransientException or TopiaryOutcomeUnknownException => ExitCodes.Unavailable,
        TopiarySecurityException { Code: ErrorCode.SessionClosed } => ExitCodes.Unavailable,
        TopiaryException => ExitCodes.ServerError,
        OperationCanceledException when cancellationToken.IsCancellationRequested => ExitCodes.Unavailable,
        _ => ExitCodes.ServerError,
    };

    private static async Task<int> FailAsync(TextWriter stderr, string verb, Exception exception, int exitCode)
    {
        var message = exception switch
        {
            TopiaryException or UsageException or CommandFailedException => exception.Message,
            OperationCanceledException => "interrupted before the server answered; the outcome is unknown",
            IOException => $"cannot write the output: {exception.Message}",
            _ => $"unexpected {exception.GetType().Name}: {exception.Message}",
        };
        var hint = exitCode == ExitCodes.Usage ? $" (see 'topiary {(verb.Length == 0 ? "" : verb + " ")}--help')" : "";
        var prefix = verb.Length == 0 ? "topiary: " : $"topiary: {verb}: ";
        await stderr.WriteLineAsync(prefix + OneLine(message) + hint);
        await stderr.FlushAsync(CancellationToken.None);
        return exitCode;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static async Task FlushQuietlyAsync(OutputWriter output)
    {
        try
        {
            await output.FlushAsync();
        }
        catch (IOException)
        {
            // The reader has gone (a closed pipe); the failure being reported matters more.
        }
    }
}
