using System.Diagnostics;

namespace Topiary.Benchmarks.Delivery;

/// <summary>The parent's handle on a <see cref="DrainCommand"/> child: starts it and waits for its progress lines.</summary>
internal sealed class DrainProcess : IDisposable
{
    private readonly Process _process;

    private DrainProcess(Process process) => _process = process;

    public static DrainProcess Start(int port, int connections, long warmupBytes, long totalBytes)
    {
        var start = SelfCommand.StartInfo(DrainCommand.Verb,
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--connections", connections.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--warmup-bytes", warmupBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--total-bytes", totalBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.RedirectStandardOutput = true;
        return new DrainProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the drain process"));
    }

    /// <summary>Waits for the child to print <paramref name="expected"/>.</summary>
    public async Task WaitForAsync(string expected, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            string? line;
            try
            {
                line = await _process.StandardOutput.ReadLineAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the drain process did not report '{expected}' within {timeout.TotalSeconds} s");
            }
            if (line is null)
            {
                throw new InvalidOperationException($"the drain process exited (code {(_process.HasExited ? _process.ExitCode : -1)}) before reporting '{expected}'");
            }
            if (line == expected)
            {
                return;
            }
        }
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
    }

    public void Dispose() => _process.Dispose();
}
