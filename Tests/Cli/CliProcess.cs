using System.Diagnostics;
using System.Text;

namespace Topiary.Tests.Cli;

/// <summary>
/// <c>topiary</c> as a real child process (<c>dotnet Topiary.Cli.dll</c>, copied beside the tests
/// by the project reference), with stdout read line by line as the process writes it.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly LineChannel _lines = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CliProcess(Process process) => _process = process;

    /// <summary>Starts <c>topiary <paramref name="args"/></c> with exactly <paramref name="environment"/> as its TOPIARY_* variables.</summary>
    public static CliProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Start(environment, Dotnet, [CliDll, .. args]);

    /// <summary>Starts <c>topiary <paramref name="args"/> | head -n 1</c> in bash; the exit code is topiary's (<c>PIPESTATUS</c>).</summary>
    public static CliProcess StartPipedToHead(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Start(environment, "bash", ["-c", "\"$0\" \"$@\" | head -n 1; exit \"${PIPESTATUS[0]}\"", Dotnet, CliDll, .. args]);

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "Topiary.Cli.dll");

    private static CliProcess Start(IReadOnlyDictionary<string, string?> environment, string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in new[] { "TOPIARY_URL", "TOPIARY_PRINCIPAL", "TOPIARY_PASSWORD" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var cli = new CliProcess(new Process { StartInfo = start });
        cli._process.OutputDataReceived += (_, e) => cli.OnOutput(e.Data);
        cli._process.ErrorDataReceived += (_, e) => cli.OnError(e.Data);
        cli._process.Start();
        cli._process.BeginOutputReadLine();
        cli._process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>The next stdout line; fails the test if none arrives within 30 s (a line held in a buffer never arrives).</summary>
    public Task<string> NextLineAsync() => _lines.NextAsync(TimeSpan.FromSeconds(30), () => $"stdout: {_stdout}; stderr: {_stderr}");

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does (with POSIX <c>kill</c>; the suite runs on Linux).</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the process to exit (at most 60 s) and returns what it printed.</summary>
    public async Task<CliRun> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        lock (_stdout)
        {
            return new CliRun(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
        }
    }

    /// <summary>Runs <c>topiary <paramref name="args"/></c> to completion.</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await using var cli = Start(environment, args);
        return await cli.WaitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_stdout)
        {
            _stdout.Append(line).Append('\n');
        }
        _lines.Add(line);
    }

    private void OnError(string? line)
    {
        if (line is not null)
        {
            lock (_stdout)
            {
                _stderr.Append(line).Append('\n');
            }
        }
    }
}
