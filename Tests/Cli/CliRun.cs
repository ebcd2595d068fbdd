namespace Topiary.Tests.Cli;

/// <summary>The outcome of one <c>topiary</c> run: exit code and everything written to stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard output split into lines (no trailing empty line).</summary>
    public IReadOnlyList<string> Lines => Split(Stdout);

    /// <summary>The single line written to stderr; fails the test unless there is exactly one.</summary>
    public string ErrorLine
    {
        get
        {
            var lines = Split(Stderr);
            Assert.True(lines.Count == 1, $"expected one line on stderr, got {lines.Count}: {Stderr}");
            return lines[0];
        }
    }

    /// <summary>Asserts the exit code, showing stderr when it differs.</summary>
    public CliRun AssertExit(int expected)
    {
        Assert.True(ExitCode == expected, $"exit code {ExitCode}, expected {expected}; stderr: {Stderr}; stdout: {Stdout}");
        return this;
    }

    private static List<string> Split(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r'))];
}
