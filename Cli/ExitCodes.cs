namespace Topiary.Cli;

/// <summary>The exit codes of <c>topiary</c> (docs/cli.md "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>The verb did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The server refused the request (for example NOT_FOUND, PERMISSION_DENIED, INCOMPATIBLE_TYPE), or the output could not be written.</summary>
    public const int ServerError = 1;

    /// <summary>The command line is wrong: nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>No answer: the server could not be reached, did not answer in time, the connection was lost, or <c>subscribe --count</c> timed out.</summary>
    public const int Unavailable = 3;
}
