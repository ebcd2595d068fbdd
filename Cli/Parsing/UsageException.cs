namespace Topiary.Cli.Parsing;

/// <summary>
/// The command line is wrong: an unknown verb or option, a missing or extra argument, a value
/// that does not parse. The message says what, where and what is allowed; the CLI prints it
/// on one line and exits with <see cref="ExitCodes.Usage"/>.
/// </summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The verb words the error belongs to (for the <c>topiary: VERB:</c> prefix); null when the caller knows them.</summary>
    public string? Verb { get; init; }
}
