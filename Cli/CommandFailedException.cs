namespace Topiary.Cli;

/// <summary>A verb failed in a way that is not a server error envelope (a timeout, a lost connection); the CLI prints the message and exits with <see cref="ExitCode"/>.</summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException()
        : this(ExitCodes.Unavailable, "the command failed")
    {
    }

    public CommandFailedException(string message)
        : this(ExitCodes.Unavailable, message)
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException) => ExitCode = ExitCodes.Unavailable;

    public CommandFailedException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; }
}
