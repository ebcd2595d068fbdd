using Topiary.Cli.Output;
using Topiary.Cli.Parsing;
using Topiary.Client;
using Topiary.Errors;

namespace Topiary.Cli.Commands;

/// <summary>What a verb runs with: its parsed command line, the output, the connection settings and Ctrl+C.</summary>
internal sealed class CommandContext(
    CommandLine commandLine,
    OutputWriter output,
    ConnectionSettings settings,
    CancellationToken cancellation)
{
    public CommandLine CommandLine { get; } = commandLine;

    public OutputWriter Output { get; } = output;

    public ConnectionSettings Settings { get; } = settings;

    /// <summary>Cancelled by Ctrl+C (SIGINT) or SIGTERM.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>Opens a session with <see cref="Settings"/>; settings the SDK rejects are a usage error.</summary>
    public async Task<ITopiarySession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await TopiarySession.OpenAsync(Settings.ToSessionOptions(), cancellationToken);
        }
        catch (TopiaryArgumentException e) when (e.Code == ErrorCode.InvalidArgument)
        {
            // Only the options are checked before connecting (for example a principal over 256 characters).
            throw new UsageException($"cannot open a session: {e.Message}", e);
        }
    }
}
